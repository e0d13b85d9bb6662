namespace EnvGis.Server.Monitoring;

/// <summary>RFC 7807 refusals of the monitoring API, each with a stable <c>code</c> (docs/monitoring.md "API").</summary>
public static class MonitoringProblems
{
    public static IResult Problem(int status, string code, string detail, string? field = null) =>
        Api.CodedProblem.Of(status, code, detail, field);

    public static IResult NotSignedIn(string what) =>
        Problem(StatusCodes.Status401Unauthorized, "not-signed-in", $"Sign in (portal) or send HTTP Basic or a bearer token to {what}.");

    public static IResult UnknownStation(string code) =>
        Problem(StatusCodes.Status404NotFound, "unknown-station", $"There is no monitoring station '{code}' that you may see.", "code");

    public static IResult UnknownParameter(string code) =>
        Problem(StatusCodes.Status400BadRequest, "unknown-parameter", $"There is no parameter '{code}' in the catalogue.", "parameter");

    public static IResult Invalid(string code, string detail, string? field = null) => Problem(StatusCodes.Status400BadRequest, code, detail, field);
}
