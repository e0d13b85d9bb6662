using System.Text;
using System.Text.Json;
using EnvGis.Core.Monitoring;
using EnvGis.Core.Security;
using EnvGis.Data.Monitoring;
using EnvGis.Data.Sql;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;

namespace EnvGis.Server.Monitoring;

/// <summary>
/// The monitoring reads (docs/monitoring.md "API"): stations with their latest values, a station's
/// observations at an interval (JSON or CSV), its VN_AQI, the exceedance list, the daily silence report,
/// the parameter catalogue and the AQI bands. A station's data follow its record's visibility
/// (<see cref="Visibility"/>): unknown and invisible stations are both 404.
/// </summary>
public static class MonitoringApi
{
    public static void MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Monitoring").AddEndpointFilter(PrivateNoStore)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/stations", StationsAsync).WithSummary("Every station the caller may see, with its latest values, latest hourly VN_AQI and band, and silence flag.")
            .Produces<IReadOnlyList<StationResponse>>();
        api.MapGet("/stations/{code}/observations", ObservationsAsync)
            .WithSummary("A station's observations over [from, to) at interval raw|hour|8h|day (default hour, last 24 h), one parameter or all; format=csv for a download.")
            .Produces<ObservationsResponse>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stations/{code}/aqi", AqiAsync).WithSummary("A station's VN_AQI (Decision 1459) by hour (NowCast for PM) or day over [from, to).")
            .Produces<IReadOnlyList<AqiResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/exceedances", ExceedancesAsync)
            .WithSummary("Recorded exceedances of the national and permit limits over [from, to) (default: 30 days): the Department sees all, a unit those of its own stations.")
            .Produces<IReadOnlyList<Exceedance>>().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/reports/daily", DailyReportAsync).WithSummary("Readings received against expected per visible station on one day (default: yesterday, Việt Nam time).")
            .Produces<IReadOnlyList<DailyReportResponse>>();
        api.MapGet("/parameters", async (MonitoringCatalogueStore store, CancellationToken ct) =>
            (await store.LoadAsync(ct)).Parameters.Select(p => new ParameterResponse(p.Code, p.NameVi, p.NameEn, p.Unit, p.Decimals, p.AqiPollutant)).ToList())
            .WithSummary("The parameter catalogue: codes, names and canonical units.");
        api.MapGet("/aqi-bands", (AqiStore store, CancellationToken ct) => store.BandsAsync(ct))
            .WithSummary("The VN_AQI bands: ranges, colours, meaning and health advice for everyone and for sensitive groups (vi/en).");
    }

    /// <summary>Every answer depends on who asks (visibility): never cached by shared caches.</summary>
    private static async ValueTask<object?> PrivateNoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return await next(context);
    }

    /// <summary>The station if the caller may see it: the layer is open to it and the record passes the visibility predicate.</summary>
    public static async Task<StationSummary?> VisibleStationAsync(HttpContext context, string code)
    {
        var (scope, stations) = (context.GetReadScope(), context.RequestServices.GetRequiredService<MonitoringStationStore>());
        return LayerOpen(context, scope) ? await stations.FindAsync(scope, code, context.RequestAborted) : null;
    }

    public static bool LayerOpen(HttpContext context, ReadScope scope) =>
        context.RequestServices.GetRequiredService<CatalogueProvider>().Current.Find(MonitoringStationStore.Layer) is { } layer && scope.CanSee(layer);

    private static async Task<IResult> StationsAsync(HttpContext context, MonitoringStationStore stations, MonitoringRulesStore rules, TimeProvider clock)
    {
        var scope = context.GetReadScope();
        var ct = context.RequestAborted;
        if (!LayerOpen(context, scope))
        {
            return Results.Ok(Array.Empty<StationResponse>());
        }

        var list = await stations.ListAsync(scope, ct);
        var latest = (await stations.LatestAsync(list.Select(s => s.Id).ToArray(), ct)).ToLookup(v => v.StationId);
        var silence = TimeSpan.FromMinutes((await rules.GetAsync(ct)).SilenceMinutes);
        var now = clock.GetUtcNow().UtcDateTime;
        return Results.Ok(list.Select(s => new StationResponse(s.Code, s.Name, s.StationType, s.Automatic, s.Longitude, s.Latitude, s.Aqi, s.AqiBand,
            s.AqiDominant, s.AqiAt, s.MeasuredAt, s.LastReceivedAt, IsSilent(s, now, silence),
            latest[s.Id].Select(v => new LatestValueResponse(v.Parameter, v.Unit, v.Time, v.Value, ((ReadingStatus)v.Status).Name())).ToList())).ToList());
    }

    public static bool IsSilent(StationSummary station, DateTime now, TimeSpan silence) =>
        station.Automatic && (station.LastReceivedAt is not { } last || last < now - silence);

    private static async Task<IResult> ObservationsAsync(string code, string? parameter, string? from, string? to, string? interval, string? format,
        HttpContext context, MonitoringCatalogueStore catalogues, ObservationQueries queries, TimeProvider clock)
    {
        if (!SeriesIntervals.TryParse(interval, out var kind))
        {
            return MonitoringProblems.Invalid("invalid-interval", "interval must be raw, hour, 8h or day.", "interval");
        }

        if (format is not (null or "json" or "csv"))
        {
            return MonitoringProblems.Invalid("invalid-format", "format must be json or csv.", "format");
        }

        var (start, end, problem) = TimeRange.Parse(from, to, kind.DefaultRange(), kind.MaxRange(), clock.GetUtcNow());
        if (problem is not null)
        {
            return problem;
        }

        var ct = context.RequestAborted;
        if (await VisibleStationAsync(context, code) is not { } station)
        {
            return MonitoringProblems.UnknownStation(code);
        }

        var catalogue = await catalogues.LoadAsync(ct);
        IReadOnlyList<short> ids;
        if (parameter is not null)
        {
            if (catalogue.FindByCode(parameter) is not { } found)
            {
                return MonitoringProblems.UnknownParameter(parameter);
            }

            ids = [found.Id];
        }
        else
        {
            ids = await queries.ParametersAsync(station.Id, ct);
        }

        var series = new List<SeriesResponse>();
        foreach (var id in ids)
        {
            var p = catalogue.ById[id];
            series.Add(new SeriesResponse(p.Code, p.NameVi, p.NameEn, p.Unit, await queries.LimitsAsync(station.Id, station.StationType, id, ct),
                await queries.SeriesAsync(station.Id, id, kind, start, end, ct)));
        }

        if (format == "csv")
        {
            var csv = new StringBuilder("station,parameter,unit,interval,time,value,min,max,coverage,calibrating,fault,status\r\n");
            foreach (var s in series)
            {
                foreach (var v in s.Values)
                {
                    csv.Append(string.Join(',', MonitoringCsv.Cell(station.Code), MonitoringCsv.Cell(s.Parameter), MonitoringCsv.Cell(s.Unit), kind.Name(),
                        MonitoringCsv.Cell(v.Time), MonitoringCsv.Cell(v.Value), MonitoringCsv.Cell(v.Min), MonitoringCsv.Cell(v.Max),
                        MonitoringCsv.Cell(v.Coverage), v.Calibrating, v.Fault, v.Status ?? "")).Append("\r\n");
                }
            }

            return MonitoringCsv.File($"{station.Code}_{kind.Name()}_{start:yyyyMMdd}-{end:yyyyMMdd}.csv", csv);
        }

        return Results.Ok(new ObservationsResponse(station.Code, kind.Name(), start, end, true, series));
    }

    private static async Task<IResult> AqiAsync(string code, string? interval, string? from, string? to, HttpContext context, AqiStore store,
        TimeProvider clock)
    {
        if (interval is not (null or "hour" or "day"))
        {
            return MonitoringProblems.Invalid("invalid-interval", "interval must be hour or day.", "interval");
        }

        var daily = interval == "day";
        var (start, end, problem) = TimeRange.Parse(from, to, TimeSpan.FromDays(daily ? 30 : 1), TimeSpan.FromDays(daily ? 3660 : 400), clock.GetUtcNow());
        if (problem is not null)
        {
            return problem;
        }

        if (await VisibleStationAsync(context, code) is not { } station)
        {
            return MonitoringProblems.UnknownStation(code);
        }

        var points = await store.ListAsync(station.Id, daily, start, end, context.RequestAborted);
        return Results.Ok(points.Select(p => new AqiResponse(p.Time, p.Aqi, p.Band, p.Dominant,
            JsonSerializer.Deserialize<Dictionary<string, int>>(p.SubIndicesJson)!)).ToList());
    }

    private static async Task<IResult> ExceedancesAsync(string? from, string? to, string? station, HttpContext context, ExceedanceQueries queries,
        TimeProvider clock)
    {
        if (context.GetCaller() is not { } caller)
        {
            return MonitoringProblems.NotSignedIn("read the exceedances");
        }

        var (start, end, problem) = TimeRange.Parse(from, to, TimeSpan.FromDays(30), TimeSpan.FromDays(3660), clock.GetUtcNow());
        if (problem is not null)
        {
            return problem;
        }

        // The Department (its administrator and its own accounts) sees every station's; other units their own.
        var account = caller.Account;
        var owner = account.IsAdministrator || account.Unit.Kind == UnitKind.Department ? null : account.Unit.Code;
        return Results.Ok(await queries.ListAsync(owner, station, start, end, context.RequestAborted));
    }

    private static async Task<IResult> DailyReportAsync(string? date, HttpContext context, MonitoringStationStore stations, MonitoringMaintenance maintenance,
        MonitoringRulesStore rules, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        DateOnly day;
        if (date is null)
        {
            day = DateOnly.FromDateTime(now.ToOffset(TimeRange.Vietnam).DateTime).AddDays(-1);
        }
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out day))
        {
            return MonitoringProblems.Invalid("invalid-time", "date must be YYYY-MM-DD.", "date");
        }

        var scope = context.GetReadScope();
        var ct = context.RequestAborted;
        var list = LayerOpen(context, scope) ? await stations.ListAsync(scope, ct) : [];
        var silence = TimeSpan.FromMinutes((await rules.GetAsync(ct)).SilenceMinutes);
        var rows = (await maintenance.DailyReportAsync(list.Select(s => s.Id).ToArray(), day, ct)).ToDictionary(r => r.StationId);
        return Results.Ok(list.Where(s => s.Automatic).Select(s => new DailyReportResponse(s.Code, s.Name, day, rows[s.Id].Received, rows[s.Id].Expected,
            rows[s.Id].Expected > 0 ? Math.Round((double)rows[s.Id].Received / rows[s.Id].Expected, 4) : null,
            IsSilent(s, now.UtcDateTime, silence))).ToList());
    }
}
