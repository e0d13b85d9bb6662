using EnvGis.Data.Notices;
using EnvGis.Server.Reports;
using EnvGis.Server.Security;
using MimeKit;

namespace EnvGis.Server.Notices;

/// <summary>
/// Reminders and notices (docs/operations.md "Reminders and e-mail"): a unit reads its own, the
/// administrator reads all, sets each unit's notice address and may run the planner at once.
/// </summary>
public static class NoticesApi
{
    public static void MapNoticesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notices", ListAsync).WithTags("Reports")
            .WithSummary("The reminders and notices of the caller's unit, newest first (the administrator: every unit's, or ?unit=), with what became of their e-mail.")
            .Produces<IReadOnlyList<Reminder>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        var admin = app.MapGroup("/api/admin").WithTags("Reports")
            .RequireAuthorization(SecurityServices.AdministratorPolicy)
            .AddEndpointFilter(new AntiforgeryFilter())
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPut("/units/{code}/notice-email", SetEmailAsync)
            .WithSummary("Sets the address a unit's reminders and notices are e-mailed to (null or empty: none).")
            .Produces<NoticeEmailRequest>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/reminders/run", async (ReminderRunner runner, TimeProvider clock, CancellationToken ct) =>
                Results.Ok(await runner.RunAsync(clock.GetUtcNow(), ct)))
            .WithSummary("Plans the reminders due now and e-mails the pending ones at once (the background service does this every 15 minutes).")
            .Produces<ReminderRun>();
    }

    private static async Task<IResult> ListAsync(string? unit, string? kind, int? limit, HttpContext context, ReminderStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("read your unit's notices");
        }

        if (limit is < 1 or > 500)
        {
            return ReportProblems.Invalid("invalid-limit", "limit is 1–500.", "limit");
        }

        if (kind is not null && !EnvGis.Core.Notices.ReminderKind.All.Contains(kind))
        {
            return ReportProblems.Invalid("invalid-kind", $"kind is one of {string.Join(", ", EnvGis.Core.Notices.ReminderKind.All)}.", "kind");
        }

        ReportProblems.Private(context);
        var who = caller.Account.IsAdministrator ? unit : caller.Account.Unit.Code;
        return Results.Ok(await store.ListAsync(who, kind, limit ?? 100, context.RequestAborted));
    }

    private static async Task<IResult> SetEmailAsync(string code, NoticeEmailRequest request, HttpContext context, ReminderStore store)
    {
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && (email.Length > 254 || !MailboxAddress.TryParse(email, out var parsed) || parsed.Address != email
                                  || email.Split('@') is not [{ Length: > 0 }, var domain] || !domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"')))
        {
            return ReportProblems.Invalid("invalid-email", "Give one e-mail address such as moitruong@haiphong.gov.vn (or null to remove it).", "email");
        }

        return await store.SetNoticeEmailAsync(code, email, context.GetCaller()?.Account.UserName ?? "admin", context.RequestAborted)
            ? Results.Ok(new NoticeEmailRequest(email))
            : ReportProblems.Problem(StatusCodes.Status404NotFound, "unknown-unit", $"There is no unit '{code}'.", "code");
    }
}
