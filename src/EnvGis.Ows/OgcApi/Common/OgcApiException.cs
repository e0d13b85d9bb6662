namespace EnvGis.Ows.OgcApi.Common;

/// <summary>
/// A request the OGC API refuses: answered as an RFC 7807 problem (application/problem+json, or an
/// HTML page for browsers) with the HTTP status, a stable <see cref="Code"/> and the parameter at fault.
/// </summary>
public sealed class OgcApiException(int status, string code, string detail, string? parameter = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Parameter { get; } = parameter;

    public static OgcApiException Invalid(string parameter, string detail, string code = "invalid-parameter") =>
        new(400, code, detail, parameter);

    public static OgcApiException NotFound(string detail) => new(404, "not-found", detail);
}
