using EnvGis.Core.Reports;

namespace EnvGis.Server.Reports;

/// <summary>
/// RFC 7807 refusals of the "Reports" area (compliance, notices, statistics, enterprise reports), each
/// with a stable <c>code</c> the portal turns into words (docs/operations.md "Refusals").
/// </summary>
public static class ReportProblems
{
    public static IResult Problem(int status, string code, string detail, string? field = null) =>
        Api.CodedProblem.Of(status, code, detail, field);

    public static IResult Invalid(string code, string detail, string? field = null) => Problem(StatusCodes.Status400BadRequest, code, detail, field);

    public static IResult NotSignedIn(string what) =>
        Problem(StatusCodes.Status401Unauthorized, "not-signed-in", $"Sign in (portal) or send HTTP Basic or a bearer token to {what}.");

    public static IResult Forbidden(string code, string detail) => Problem(StatusCodes.Status403Forbidden, code, detail);

    public static IResult From(ReportException e) => Problem(e.Status, e.Code, e.Message, e.Field);

    /// <summary>Caller-specific answers are never cached by anyone but the caller.</summary>
    public static void Private(HttpContext context) => context.Response.Headers.CacheControl = "private, no-store";
}
