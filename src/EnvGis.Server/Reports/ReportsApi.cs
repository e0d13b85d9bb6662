using EnvGis.Core.Records;
using EnvGis.Core.Reports;
using EnvGis.Core.Security;
using EnvGis.Core.Values;
using EnvGis.Data.Records;
using EnvGis.Data.Reports;
using EnvGis.Server.Attachments;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;

namespace EnvGis.Server.Reports;

/// <summary>
/// Enterprise reports (Art. 2.3, 5.1, 5.4; docs/operations.md "Enterprise reports"): an enterprise's
/// reporter sees what its facilities owe, starts a report, fills the form, attaches documents and
/// submits; the Department (its accounts and the administrator) lists them, sees the overdue ones,
/// requests changes or accepts. Everyone else sees nothing of them (404).
/// </summary>
public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").AddEndpointFilter(new AntiforgeryFilter())
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/obligations", ObligationsAsync)
            .WithSummary("What facilities owe: per report type, facility and period, the report's status and whether it is overdue (an enterprise: its own; the Department: all, or ?unit=).")
            .Produces<IReadOnlyList<Obligation>>();
        api.MapGet("/overdue", OverdueAsync)
            .WithSummary("The Department's list of overdue reports (not submitted by the end of the due day).")
            .Produces<IReadOnlyList<Obligation>>().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("", ListAsync)
            .WithSummary("Reports (an enterprise: its own; the Department: all), filtered by status, type or unit, newest change first.")
            .Produces<IReadOnlyList<Submission>>();
        api.MapPost("", CreateAsync)
            .WithSummary("An enterprise starts a report (type, period, facilityId, optional values): a draft.")
            .Produces<ReportDetail>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:long}", GetAsync)
            .WithSummary("One report with its type, documents, history and the facility's map record.")
            .Produces<ReportDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{id:long}", UpdateAsync)
            .WithSummary("Replaces the form's values of a draft or a report sent back for changes, at the version last read.")
            .Produces<ReportDetail>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:long}/files", UploadAsync)
            .WithSummary("Attaches a document (multipart field 'file', ?kind= one of the type's document kinds or 'other').")
            .Produces<ReportFileInfo>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/{id:long}/files/{fileId:long}", DownloadAsync)
            .WithSummary("Downloads a document of a report.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:long}/files/{fileId:long}", DeleteFileAsync)
            .WithSummary("Removes a document from a draft or a report sent back for changes.")
            .Produces<ReportDetail>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:long}/submit", SubmitAsync)
            .WithSummary("Submits a complete report (every required field and document) to the Department.")
            .Produces<ReportDetail>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:long}/review", ReviewAsync)
            .WithSummary("The Department accepts a submitted report or requests changes (decision accept|request-changes, with a comment for changes).")
            .Produces<ReportDetail>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The Department (its accounts and the administrator) receives and reviews every report.</summary>
    public static bool IsDepartment(Account account) => account.IsAdministrator || account.Unit.Kind == UnitKind.Department;

    private static bool IsReporter(Account account) => account.Role == Role.Reporter;

    private static ReportActor Actor(Caller caller) => new(caller.Account.UserName, caller.Account.Unit.Code);

    private static async Task<IResult> ObligationsAsync(string? unit, HttpContext context, ReportObligations obligations, TimeProvider clock)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("see the reports owed");
        }

        ReportProblems.Private(context);
        var who = IsDepartment(caller.Account) ? unit : caller.Account.Unit.Code;
        return Results.Ok(await obligations.ListAsync(who, clock.GetUtcNow(), context.RequestAborted));
    }

    private static async Task<IResult> OverdueAsync(HttpContext context, ReportObligations obligations, TimeProvider clock)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("see the overdue reports");
        }

        if (!IsDepartment(caller.Account))
        {
            return ReportProblems.Forbidden("department-only", "Only the Department sees every enterprise's overdue reports.");
        }

        ReportProblems.Private(context);
        return Results.Ok((await obligations.ListAsync(null, clock.GetUtcNow(), context.RequestAborted)).Where(o => o.Overdue).ToList());
    }

    private static async Task<IResult> ListAsync(string? status, string? type, string? unit, HttpContext context, ReportStore store, ReportTypeStore types)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("see reports");
        }

        if (status is not null && status is not (ReportStatus.Draft or ReportStatus.Submitted or ReportStatus.ChangesRequested or ReportStatus.Accepted))
        {
            return ReportProblems.Invalid("invalid-status", "status is draft, submitted, changes-requested or accepted.", "status");
        }

        long? typeId = null;
        if (type is not null)
        {
            if (!ReportForm.IsName(type) || await types.FindAsync(type, context.RequestAborted) is not { } found)
            {
                return ReportProblems.Invalid("unknown-report-type", $"There is no report type '{(type.Length > 40 ? type[..40] : type)}'.", "type");
            }

            typeId = found.Id;
        }

        ReportProblems.Private(context);
        var who = IsDepartment(caller.Account) ? unit : caller.Account.Unit.Code;
        return Results.Ok(await store.ListAsync(who, typeId, status, context.RequestAborted));
    }

    private static async Task<IResult> CreateAsync(NewReportRequest request, HttpContext context, ReportStore store, ReportTypeStore types,
        CatalogueProvider catalogue, TimeProvider clock)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("start a report");
        }

        if (!IsReporter(caller.Account))
        {
            return ReportProblems.Forbidden("reporters-only", "Reports are started by an enterprise's reporter account.");
        }

        if (request.Type is null || !ReportForm.IsName(request.Type) || await types.FindAsync(request.Type, context.RequestAborted) is not { Active: true } type)
        {
            return ReportProblems.Invalid("unknown-report-type", "type is the code of an active report type (GET /api/reports/types).", "type");
        }

        ReportPeriod period;
        try
        {
            period = ReportPeriod.Parse(type.Period, request.Period);
        }
        catch (FormatException e)
        {
            return ReportProblems.Invalid("invalid-period", e.Message, "period");
        }

        var owed = ReportObligations.Periods(type, CityTime.DayOf(clock.GetUtcNow()));
        if (!owed.Any(p => p.Key == period.Key))
        {
            return ReportProblems.Invalid("invalid-period",
                $"{period.Key} is not owed: '{type.Code}' is owed from {type.FirstPeriod} up to the current period.", "period");
        }

        if (catalogue.Current.Find(type.FacilityLayer) is not { } layer || request.FacilityId is not { } facilityId
            || (await store.FacilitiesAsync(type, layer, caller.Account.Unit.Code, context.RequestAborted)).FirstOrDefault(f => f.Id == facilityId) is not { } facility)
        {
            return ReportProblems.Problem(StatusCodes.Status404NotFound, "unknown-facility",
                $"Your enterprise has no facility {request.FacilityId} in {type.FacilityLayer} that owes '{type.Code}'.", "facilityId");
        }

        var (values, field, problem) = ReportForm.Normalize(type.Fields, request.Values);
        if (values is null)
        {
            return ReportProblems.Invalid("invalid-values", problem!, field);
        }

        try
        {
            var created = await store.CreateAsync(type, facility, period, values, Actor(caller), context.RequestAborted);
            return Results.Created($"/api/reports/{created.Id}", await DetailAsync(created.Id, context, store, types, catalogue, clock));
        }
        catch (ReportException e)
        {
            return ReportProblems.From(e);
        }
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, ReportStore store, ReportTypeStore types, CatalogueProvider catalogue,
        TimeProvider clock)
    {
        if (await AllowedAsync(context, store, id) is { } refusal)
        {
            return refusal;
        }

        ReportProblems.Private(context);
        return Results.Ok(await DetailAsync(id, context, store, types, catalogue, clock));
    }

    private static Task<IResult> UpdateAsync(long id, ReportValuesRequest request, HttpContext context, ReportStore store, ReportTypeStore types,
        CatalogueProvider catalogue, TimeProvider clock) =>
        AsEnterpriseAsync(id, context, store, types, catalogue, clock, async (caller, type) =>
        {
            var (values, field, problem) = ReportForm.Normalize(type.Fields, request.Values);
            if (values is null)
            {
                throw ReportException.Invalid("invalid-values", problem!, field);
            }

            await store.UpdateAsync(id, request.Version, values, Actor(caller), context.RequestAborted);
        });

    private static Task<IResult> SubmitAsync(long id, ReportActionRequest request, HttpContext context, ReportStore store, ReportTypeStore types,
        CatalogueProvider catalogue, TimeProvider clock) =>
        AsEnterpriseAsync(id, context, store, types, catalogue, clock, async (caller, type) =>
            await store.SubmitAsync(id, request.Version, type, Actor(caller), CheckComment(request.Comment, required: false), context.RequestAborted));

    private static Task<IResult> DeleteFileAsync(long id, long fileId, HttpContext context, ReportStore store, ReportTypeStore types,
        CatalogueProvider catalogue, TimeProvider clock) =>
        AsEnterpriseAsync(id, context, store, types, catalogue, clock, async (caller, _) =>
            await store.DeleteFileAsync(id, fileId, Actor(caller), context.RequestAborted));

    private static async Task<IResult> ReviewAsync(long id, ReportActionRequest request, HttpContext context, ReportStore store, ReportTypeStore types,
        CatalogueProvider catalogue, TimeProvider clock)
    {
        if (await AllowedAsync(context, store, id) is { } refusal)
        {
            return refusal;
        }

        var caller = context.GetCaller()!;
        if (!IsDepartment(caller.Account))
        {
            return ReportProblems.Forbidden("department-only", "Only the Department reviews reports.");
        }

        try
        {
            var accept = request.Decision switch
            {
                "accept" => true,
                "request-changes" => false,
                _ => throw ReportException.Invalid("invalid-decision", "decision is accept or request-changes.", "decision"),
            };
            var comment = CheckComment(request.Comment, required: !accept);
            await store.ReviewAsync(id, request.Version, accept, comment, Actor(caller), context.RequestAborted);
            ReportProblems.Private(context);
            return Results.Ok(await DetailAsync(id, context, store, types, catalogue, clock));
        }
        catch (ReportException e)
        {
            return ReportProblems.From(e);
        }
    }

    private static async Task<IResult> UploadAsync(long id, string? kind, HttpContext context, ReportStore store, ReportTypeStore types,
        AttachmentFiles files)
    {
        if (await AllowedAsync(context, store, id) is { } refusal)
        {
            return refusal;
        }

        var caller = context.GetCaller()!;
        var report = (await store.FindAsync(id, context.RequestAborted))!;
        if (!IsReporter(caller.Account) || report.Unit != caller.Account.Unit.Code)
        {
            return ReportProblems.Forbidden("not-owner", "Only the enterprise's reporters change its reports.");
        }

        var type = (await types.FindAsync(report.TypeId, context.RequestAborted))!;
        var documentKind = kind ?? "other";
        if (documentKind != "other" && !type.AttachmentKinds.Any(k => k.Code == documentKind))
        {
            return ReportProblems.Invalid("invalid-document-kind",
                $"kind is one of {string.Join(", ", type.AttachmentKinds.Select(k => k.Code).Append("other"))}.", "kind");
        }

        var request = context.Request;
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return ReportProblems.Invalid("invalid-upload", "Send the document as multipart/form-data in the field 'file'.", "file");
        }

        if (request.ContentLength > AttachmentTypes.MaxBytes + 64 * 1024)
        {
            return TooLarge();
        }

        NewAttachment? stored = null;
        try
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException
                    ? TooLarge()
                    : ReportProblems.Invalid("invalid-upload", "The multipart body could not be read.", "file");
            }

            if (form.Files.GetFile("file") is not { } file || form.Files.Count != 1)
            {
                return ReportProblems.Invalid("invalid-upload", "Send exactly one document, in the field 'file'.", "file");
            }

            await using (var content = file.OpenReadStream())
            {
                stored = await files.SaveAsync(file.FileName, content, context.RequestAborted);
            }

            var added = await store.AddFileAsync(id, documentKind, stored, Actor(caller), context.RequestAborted);
            stored = null;
            return Results.Created(ReportFileInfo.From(added).Href, ReportFileInfo.From(added));
        }
        catch (RecordException e)
        {
            return e.Kind == RecordErrorKind.TooLarge ? TooLarge() : ReportProblems.Invalid("invalid-document", e.Message, "file");
        }
        catch (ReportException e)
        {
            return ReportProblems.From(e);
        }
        finally
        {
            if (stored is not null)
            {
                files.Discard(stored.StoredPath);
            }
        }
    }

    private static async Task<IResult> DownloadAsync(long id, long fileId, HttpContext context, ReportStore store, AttachmentFiles files)
    {
        if (await AllowedAsync(context, store, id) is { } refusal)
        {
            return refusal;
        }

        var file = await store.FindFileAsync(id, fileId, context.RequestAborted);
        var path = file is null ? null : files.Resolve(file.StoredPath);
        if (file is null || !File.Exists(path))
        {
            return ReportProblems.Problem(StatusCodes.Status404NotFound, "unknown-document", $"Report {id} has no document {fileId}.");
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.CacheControl = "private, no-store";
        headers["X-Checksum-SHA256"] = file.Sha256;
        return Results.File(path!, file.ContentType, file.FileName);
    }

    /// <summary>Null when the caller may see report <paramref name="id"/> (its enterprise or the Department), else the refusal (404 for others).</summary>
    private static async Task<IResult?> AllowedAsync(HttpContext context, ReportStore store, long id)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("see reports");
        }

        var report = await store.FindAsync(id, context.RequestAborted);
        return report is not null && (IsDepartment(caller.Account) || report.Unit == caller.Account.Unit.Code)
            ? null
            : ReportProblems.Problem(StatusCodes.Status404NotFound, "unknown-report", $"There is no report {id} that you may see.");
    }

    /// <summary>A change by the report's own enterprise (a reporter of the unit that owns it).</summary>
    private static async Task<IResult> AsEnterpriseAsync(long id, HttpContext context, ReportStore store, ReportTypeStore types,
        CatalogueProvider catalogue, TimeProvider clock, Func<Caller, ReportType, Task> change)
    {
        if (await AllowedAsync(context, store, id) is { } refusal)
        {
            return refusal;
        }

        var caller = context.GetCaller()!;
        var report = (await store.FindAsync(id, context.RequestAborted))!;
        if (!IsReporter(caller.Account) || report.Unit != caller.Account.Unit.Code)
        {
            return ReportProblems.Forbidden("not-owner", "Only the enterprise's reporters change its reports.");
        }

        try
        {
            await change(caller, (await types.FindAsync(report.TypeId, context.RequestAborted))!);
        }
        catch (ReportException e)
        {
            return ReportProblems.From(e);
        }

        ReportProblems.Private(context);
        return Results.Ok(await DetailAsync(id, context, store, types, catalogue, clock));
    }

    private static async Task<ReportDetail> DetailAsync(long id, HttpContext context, ReportStore store, ReportTypeStore types, CatalogueProvider catalogue,
        TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var report = (await store.FindAsync(id, ct))!;
        var type = (await types.FindAsync(report.TypeId, ct))!;
        string? name = null;
        if (catalogue.Current.Find(report.FacilityLayer) is { } layer)
        {
            name = (await store.FacilitiesAsync(type with { FacilityIds = [report.FacilityId] }, layer, null, ct)).FirstOrDefault()?.Name;
        }

        var period = ReportPeriod.Parse(type.Period, report.Period);
        var overdue = report.FirstSubmittedAt is null && clock.GetUtcNow() >= period.DueAt(type.DueDays);
        return new ReportDetail(report, type, name, (await store.FilesAsync(id, ct)).Select(ReportFileInfo.From).ToList(), await store.EventsAsync(id, ct),
            ReportObligations.RecordLink(report.FacilityLayer, report.FacilityId), ReportObligations.MapLink(report.FacilityLayer, report.FacilityId),
            period.DueDay(type.DueDays), overdue);
    }

    private static string? CheckComment(string? comment, bool required)
    {
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return required ? throw ReportException.Invalid("comment-required", "Say in a comment what must change.", "comment") : null;
        }

        return text.Length > 4000 || ReportForm.HasControl(text)
            ? throw ReportException.Invalid("invalid-comment", "A comment is at most 4000 characters without control characters.", "comment")
            : text;
    }

    private static IResult TooLarge() =>
        ReportProblems.Problem(StatusCodes.Status413PayloadTooLarge, "too-large", $"A document may be at most {AttachmentTypes.MaxBytes / (1024 * 1024)} MB.", "file");
}
