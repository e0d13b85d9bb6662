namespace EnvGis.Ows.Dispatch;

/// <summary>
/// A request the service refuses, reported as an OGC exception document with <see cref="Code"/>
/// (exceptionCode), <see cref="Locator"/> and the HTTP status OWS Common 1.1 / WFS 2.0 assign to the code.
/// </summary>
public sealed class OwsException(string code, string message, string? locator = null, int? status = null) : Exception(message)
{
    public const string MissingParameterValue = "MissingParameterValue";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string OperationNotSupported = "OperationNotSupported";
    public const string OptionNotSupported = "OptionNotSupported";
    public const string VersionNegotiationFailed = "VersionNegotiationFailed";
    public const string NoApplicableCode = "NoApplicableCode";
    public const string OperationParsingFailed = "OperationParsingFailed";
    public const string OperationProcessingFailed = "OperationProcessingFailed";
    public const string NotFound = "NotFound";

    public string Code { get; } = code;

    public string? Locator { get; } = locator;

    public int StatusCode { get; } = status ?? DefaultStatus(code);

    /// <summary>For a refusal under load: when to try again (the Retry-After header).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static OwsException Missing(string parameter) =>
        new(MissingParameterValue, $"The parameter {parameter} is required.", parameter);

    public static OwsException Invalid(string parameter, string message) => new(InvalidParameterValue, message, parameter);

    public static OwsException Parsing(string locator, string message) => new(OperationParsingFailed, message, locator);

    private static int DefaultStatus(string code) => code switch
    {
        OperationNotSupported or OptionNotSupported => 501,
        NotFound => 404,
        OperationProcessingFailed => 403,
        NoApplicableCode => 500,
        _ => 400,
    };
}
