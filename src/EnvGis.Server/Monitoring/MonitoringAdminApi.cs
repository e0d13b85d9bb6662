using System.Text.RegularExpressions;
using EnvGis.Core.Monitoring;
using EnvGis.Core.Security;
using EnvGis.Data.Monitoring;
using EnvGis.Server.Security;

namespace EnvGis.Server.Monitoring;

/// <summary>
/// The administrator's monitoring data (docs/monitoring.md): the parameter catalogue (aliases, units),
/// national limits, a station's permit limits and limit zone, the coverage/acceptance/silence rules, and
/// the wording of the AQI bands. Values that are uncertain live here as data, never in code.
/// </summary>
public static partial class MonitoringAdminApi
{
    public static void MapMonitoringAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring/admin").WithTags("Monitoring administration")
            .RequireAuthorization(SecurityServices.AdministratorPolicy)
            .AddEndpointFilter(new AntiforgeryFilter())
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/parameters", (MonitoringCatalogueStore store, CancellationToken ct) => store.ListAsync(ct))
            .WithSummary("The parameter catalogue with aliases (normalised) and accepted units.");
        api.MapPut("/parameters/{code}", PutParameterAsync)
            .WithSummary("Creates or replaces a parameter with its aliases (optionally per station type) and units (canonical = value × factor + offset).")
            .Produces<ParameterDefinition>().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/limits", (LimitStore store, CancellationToken ct) => store.ListAsync(ct)).WithSummary("The national limits, versioned by validity.");
        api.MapPost("/limits", (LimitRow limit, HttpContext context, LimitStore store) => SaveLimitAsync(limit with { Id = 0 }, context, store))
            .WithSummary("Adds a national limit (standard, parameter, averaging 1h|8h|24h|year, zone, station types, low/high in the canonical unit, validity).")
            .Produces<LimitRow>(StatusCodes.Status201Created);
        api.MapPut("/limits/{id:long}", (long id, LimitRow limit, HttpContext context, LimitStore store) => SaveLimitAsync(limit with { Id = id }, context, store))
            .WithSummary("Replaces a national limit.").Produces<LimitRow>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/limits/{id:long}", async (long id, LimitStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct) ? Results.NoContent() : MonitoringProblems.Problem(StatusCodes.Status404NotFound, "unknown-limit", $"There is no limit {id}."))
            .WithSummary("Removes a national limit.");

        api.MapGet("/stations/{code}/permit-limits", async (string code, HttpContext context, LimitStore store) =>
            await AnyStationAsync(context, code) is { } station ? Results.Ok(await store.PermitLimitsAsync(station.Id, context.RequestAborted)) : MonitoringProblems.UnknownStation(code))
            .WithSummary("A station's permit limits.").Produces<IReadOnlyList<PermitLimitRow>>();
        api.MapPost("/stations/{code}/permit-limits", AddPermitLimitAsync)
            .WithSummary("Adds a permit limit to a station (QCVN 40:2025 / 19:2024 column as the permit writes it).")
            .Produces<PermitLimitRow>(StatusCodes.Status201Created);
        api.MapDelete("/stations/{code}/permit-limits/{id:long}", async (string code, long id, HttpContext context, LimitStore store) =>
            await AnyStationAsync(context, code) is { } station && await store.DeletePermitLimitAsync(station.Id, id, context.RequestAborted)
                ? Results.NoContent()
                : MonitoringProblems.Problem(StatusCodes.Status404NotFound, "unknown-limit", $"Station {code} has no permit limit {id}."))
            .WithSummary("Removes a permit limit.");
        api.MapPut("/stations/{code}/settings", async (string code, StationSettingsRequest request, HttpContext context, LimitStore store) =>
            {
                if (await AnyStationAsync(context, code) is not { } station)
                {
                    return MonitoringProblems.UnknownStation(code);
                }

                var zone = string.IsNullOrWhiteSpace(request.LimitZone) ? null : request.LimitZone.Trim();
                if (zone is { Length: > 20 } || zone?.Any(char.IsControl) == true)
                {
                    return MonitoringProblems.Invalid("invalid-zone", "The limit zone is a short text such as A, B1 or C.", "limitZone");
                }

                await store.SetZoneAsync(station.Id, zone, Actor(context), context.RequestAborted);
                return Results.Ok(new StationSettingsRequest(zone));
            })
            .WithSummary("Sets the column/zone/class of the national limits a station is held to (e.g. QCVN 08 class A or B).")
            .Produces<StationSettingsRequest>();

        api.MapGet("/rules", (MonitoringRulesStore store, CancellationToken ct) => store.GetAsync(ct)).WithSummary("The coverage, acceptance and silence rules.");
        api.MapPut("/rules", async (MonitoringRules rules, HttpContext context, MonitoringRulesStore store) =>
                await store.SetAsync(rules, Actor(context), context.RequestAborted) is { } error
                    ? MonitoringProblems.Invalid("invalid-rules", error)
                    : Results.Ok(await store.GetAsync(context.RequestAborted)))
            .WithSummary("Changes the rules (hour coverage 0–1, 8-hour and daily hours, accepted age in days and minutes ahead, silence minutes).")
            .Produces<MonitoringRules>();
        api.MapPut("/aqi-bands/{band}", async (string band, AqiBand wording, HttpContext context, AqiStore store) =>
            {
                var texts = new[] { wording.NameVi, wording.NameEn, wording.MeaningVi, wording.MeaningEn, wording.AdviceGeneralVi, wording.AdviceGeneralEn,
                    wording.AdviceSensitiveVi, wording.AdviceSensitiveEn, wording.Source };
                if (texts.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 2000 || t.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
                {
                    return MonitoringProblems.Invalid("invalid-wording", "Every name, meaning, advice and the source must be given (at most 2000 characters, no control characters).");
                }

                return await store.RewordAsync(wording with { Band = band }, Actor(context), context.RequestAborted)
                    ? Results.Ok((await store.BandsAsync(context.RequestAborted)).Single(b => b.Band == band))
                    : MonitoringProblems.Problem(StatusCodes.Status404NotFound, "unknown-band", $"There is no band '{band}' ({string.Join(", ", AqiBands.All)}).");
            })
            .WithSummary("Rewords a band's names, meaning and health advice (vi/en) and their source; the range and colour are the Decision's.")
            .Produces<AqiBand>();
    }

    private static string Actor(HttpContext context) => context.GetCaller()?.Account.UserName ?? "admin";

    /// <summary>The administrator reaches every live station.</summary>
    private static Task<StationSummary?> AnyStationAsync(HttpContext context, string code) =>
        context.RequestServices.GetRequiredService<MonitoringStationStore>().FindAsync(ReadScope.Everything, code, context.RequestAborted);

    private static async Task<IResult> PutParameterAsync(string code, ParameterRequest request, HttpContext context, MonitoringCatalogueStore store)
    {
        if (!CodePattern().IsMatch(code))
        {
            return MonitoringProblems.Invalid("invalid-parameter", "A parameter code is 1–32 letters, digits and . + _ -, starting with a letter or digit.", "code");
        }

        if (string.IsNullOrWhiteSpace(request.NameVi) || string.IsNullOrWhiteSpace(request.NameEn) || request.Unit is null
            || request.Decimals is not (>= 0 and <= 6) || request.Units is not { Count: > 0 })
        {
            return MonitoringProblems.Invalid("invalid-parameter", "Give nameVi, nameEn, unit, decimals (0–6) and at least one accepted unit.");
        }

        if (request.AqiPollutant is not null && !AqiPollutants.All.Contains(request.AqiPollutant))
        {
            return MonitoringProblems.Invalid("invalid-parameter", $"aqiPollutant is one of {string.Join(", ", AqiPollutants.All)}, or absent.", "aqiPollutant");
        }

        var texts = new[] { request.NameVi, request.NameEn, request.Unit }.Concat(request.Aliases?.Select(a => a.Alias) ?? [])
            .Concat(request.Units.Select(u => u.Unit));
        if (texts.Any(t => t is null || t.Length > 200 || t.Any(char.IsControl)) || request.Aliases?.Any(a => string.IsNullOrWhiteSpace(a.Alias)) == true
            || request.Units.Any(u => u.Factor == 0 || !double.IsFinite(u.Factor) || !double.IsFinite(u.Offset)))
        {
            return MonitoringProblems.Invalid("invalid-parameter", "Names, units and aliases are short texts without control characters; factors are finite and not 0.");
        }

        var definition = new ParameterDefinition(code, request.NameVi.Trim(), request.NameEn.Trim(), request.Unit.Trim(), request.Decimals.Value,
            request.AqiPollutant, request.Aliases ?? [], request.Units);
        var (created, conflict) = await store.PutAsync(definition, Actor(context), context.RequestAborted);
        if (conflict is not null)
        {
            return MonitoringProblems.Problem(StatusCodes.Status409Conflict, "alias-conflict", conflict);
        }

        var saved = (await store.ListAsync(context.RequestAborted)).Single(p => p.Code == code);
        return created ? Results.Created($"/api/monitoring/admin/parameters/{Uri.EscapeDataString(code)}", saved) : Results.Ok(saved);
    }

    private static async Task<IResult> SaveLimitAsync(LimitRow limit, HttpContext context, LimitStore store)
    {
        if (Invalid(limit.Standard, limit.Source, limit.Note, limit.Zone, limit.Parameter) || limit.StationTypes is not { Count: > 0 })
        {
            return MonitoringProblems.Invalid("invalid-limit", "Give a standard, a parameter, station types and a source (short texts without control characters).");
        }

        var (id, error) = await store.SaveAsync(limit, Actor(context), context.RequestAborted);
        if (id is null)
        {
            return MonitoringProblems.Invalid("invalid-limit", error!);
        }

        var saved = (await store.ListAsync(context.RequestAborted)).Single(l => l.Id == id);
        return limit.Id == 0 ? Results.Created($"/api/monitoring/admin/limits/{id}", saved) : Results.Ok(saved);
    }

    private static async Task<IResult> AddPermitLimitAsync(string code, PermitLimitRow limit, HttpContext context, LimitStore store)
    {
        if (await AnyStationAsync(context, code) is not { } station)
        {
            return MonitoringProblems.UnknownStation(code);
        }

        if (Invalid(limit.Standard, limit.Permit, limit.Note, limit.Zone, limit.Parameter))
        {
            return MonitoringProblems.Invalid("invalid-limit", "Give a standard, a permit and a parameter (short texts without control characters).");
        }

        var (id, error) = await store.AddPermitLimitAsync(station.Id, limit, Actor(context), context.RequestAborted);
        if (id is null)
        {
            return MonitoringProblems.Invalid("invalid-limit", error!);
        }

        var saved = (await store.PermitLimitsAsync(station.Id, context.RequestAborted)).Single(l => l.Id == id);
        return Results.Created($"/api/monitoring/admin/stations/{Uri.EscapeDataString(code)}/permit-limits/{id}", saved);
    }

    /// <summary>Required texts missing, or any text too long or with control characters.</summary>
    private static bool Invalid(string? required1, string? required2, params string?[] optional) =>
        string.IsNullOrWhiteSpace(required1) || string.IsNullOrWhiteSpace(required2)
        || new[] { required1, required2 }.Concat(optional).Any(t => t is not null && (t.Length > 500 || t.Any(char.IsControl)));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.+_-]{0,31}$")]
    private static partial Regex CodePattern();
}
