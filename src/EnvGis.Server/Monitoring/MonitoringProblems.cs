namespace EnvGis.Server.Monitoring;

/// <summary>RFC 7807 refusals of the monitoring API, each with a stable <c>code</c> (docs/monitoring.md "API").</summary>
public static class MonitoringProblems
{
    public static IResult Problem(int status, string code, string detail, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        var title = status switch
        {
            StatusCodes.Status401Unauthorized => "Not signed in",
            StatusCodes.Status403Forbidden => "Not allowed",
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status409Conflict => "Conflict",
            StatusCodes.Status413PayloadTooLarge => "Too large",
            _ => "Invalid request",
        };
        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }

    public static IResult NotSignedIn(string what) =>
        Problem(StatusCodes.Status401Unauthorized, "not-signed-in", $"Sign in (portal) or send HTTP Basic or a bearer token to {what}.");

    public static IResult UnknownStation(string code) =>
        Problem(StatusCodes.Status404NotFound, "unknown-station", $"There is no monitoring station '{code}' that you may see.", "code");

    public static IResult UnknownParameter(string code) =>
        Problem(StatusCodes.Status400BadRequest, "unknown-parameter", $"There is no parameter '{code}' in the catalogue.", "parameter");

    public static IResult Invalid(string code, string detail, string? field = null) => Problem(StatusCodes.Status400BadRequest, code, detail, field);
}
