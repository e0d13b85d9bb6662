using EnvGis.Core.Reports;
using EnvGis.Data.Reports;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;

namespace EnvGis.Server.Reports;

/// <summary>Report types (docs/operations.md "Enterprise reports"): any signed-in account reads them; the administrator configures them.</summary>
public static partial class ReportTypesApi
{
    public static void MapReportTypesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/types", async (bool? all, HttpContext context, ReportTypeStore store) =>
            {
                if (context.GetCaller() is not { } caller)
                {
                    return ReportProblems.NotSignedIn("read the report types");
                }

                ReportProblems.Private(context);
                return Results.Ok(await store.ListAsync(activeOnly: !(all == true && caller.Account.IsAdministrator), context.RequestAborted));
            })
            .WithTags("Reports").WithSummary("The report types enterprises owe (the administrator: ?all=true includes inactive ones).")
            .Produces<IReadOnlyList<ReportType>>().ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapPut("/api/reports/types/{code}", PutAsync).WithTags("Reports")
            .RequireAuthorization(SecurityServices.AdministratorPolicy).AddEndpointFilter(new AntiforgeryFilter())
            .WithSummary("Creates or replaces a report type: names, period (year|half-year|quarter|month), due days after the period, first period, "
                         + "the facilities' layer (and optionally which records), the form's fields and the required documents.")
            .Produces<ReportType>().Produces<ReportType>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> PutAsync(string code, ReportTypeRequest request, HttpContext context, ReportTypeStore store, CatalogueProvider catalogue)
    {
        if (!ReportForm.IsName(code) || code.Length < 2)
        {
            return ReportProblems.Invalid("invalid-report-type", "A report type's code is 2–63 lower-case letters, digits and _, starting with a letter.", "code");
        }

        if (Check(request, catalogue) is { } refusal)
        {
            return refusal;
        }

        var type = new ReportType(0, code, request.NameVi!.Trim(), request.NameEn!.Trim(), request.DescriptionVi?.Trim() ?? "",
            request.DescriptionEn?.Trim() ?? "", request.Period!, request.DueDays!.Value, ReportPeriod.Parse(request.Period!, request.FirstPeriod).Key,
            request.FacilityLayer!, request.FacilityIds is { Count: > 0 } ids ? ids.Distinct().ToList() : null,
            request.Fields ?? [], request.AttachmentKinds ?? [], request.Active ?? true, DateTime.UtcNow, "");
        var (saved, created) = await store.SaveAsync(type, context.GetCaller()?.Account.UserName ?? "admin", createOnly: false, context.RequestAborted);
        return created ? Results.Created($"/api/reports/types/{code}", saved) : Results.Ok(saved);
    }

    private static IResult? Check(ReportTypeRequest request, CatalogueProvider catalogue)
    {
        foreach (var (field, text, max) in new[]
                 {
                     ("nameVi", request.NameVi, 200), ("nameEn", request.NameEn, 200), ("descriptionVi", request.DescriptionVi ?? "-", 4000),
                     ("descriptionEn", request.DescriptionEn ?? "-", 4000),
                 })
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > max || ReportForm.HasControl(text))
            {
                return ReportProblems.Invalid("invalid-report-type", $"{field} is a text of 1–{max} characters without control characters.", field);
            }
        }

        if (!ReportPeriod.IsKind(request.Period))
        {
            return ReportProblems.Invalid("invalid-report-type", $"period is one of {string.Join(", ", ReportPeriod.Kinds)}.", "period");
        }

        if (request.DueDays is not (>= 0 and <= 366))
        {
            return ReportProblems.Invalid("invalid-report-type", "dueDays (days after the period ends) is 0–366.", "dueDays");
        }

        try
        {
            ReportPeriod.Parse(request.Period!, request.FirstPeriod);
        }
        catch (FormatException e)
        {
            return ReportProblems.Invalid("invalid-report-type", "firstPeriod: " + e.Message, "firstPeriod");
        }

        if (request.FacilityLayer is null || catalogue.Current.Find(request.FacilityLayer) is null)
        {
            return ReportProblems.Invalid("invalid-report-type", "facilityLayer is the name of a layer of the catalogue (e.g. waste_sources).", "facilityLayer");
        }

        if (request.FacilityIds is { Count: > 1000 } || request.FacilityIds?.Any(id => id < 1) == true)
        {
            return ReportProblems.Invalid("invalid-report-type", "facilityIds lists at most 1000 record ids (or is absent: every enterprise facility).", "facilityIds");
        }

        var fields = request.Fields ?? [];
        if (fields.Count > ReportForm.MaxFields || fields.Select(f => f.Name).Distinct().Count() != fields.Count
            || fields.Any(f => !ReportForm.IsName(f.Name) || !ReportForm.Types.Contains(f.Type) || BadLabel(f.LabelVi) || BadLabel(f.LabelEn)))
        {
            return ReportProblems.Invalid("invalid-report-type",
                $"fields: at most {ReportForm.MaxFields}, each with a unique lower_snake_case name, a type ({string.Join(", ", ReportForm.Types)}) and labelVi/labelEn.",
                "fields");
        }

        var kinds = request.AttachmentKinds ?? [];
        if (kinds.Count > 20 || kinds.Select(k => k.Code).Distinct().Count() != kinds.Count
            || kinds.Any(k => !ReportForm.IsName(k.Code) || BadLabel(k.LabelVi) || BadLabel(k.LabelEn)))
        {
            return ReportProblems.Invalid("invalid-report-type", "attachmentKinds: at most 20, each with a unique lower_snake_case code and labelVi/labelEn.",
                "attachmentKinds");
        }

        return null;
    }

    private static bool BadLabel(string? label) => string.IsNullOrWhiteSpace(label) || label.Length > 200 || ReportForm.HasControl(label);
}
