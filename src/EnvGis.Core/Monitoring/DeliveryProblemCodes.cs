namespace EnvGis.Core.Monitoring;

/// <summary>Machine-readable reasons a datalogger file is refused (the API's <c>code</c>s; docs/monitoring.md).</summary>
public static class DeliveryProblemCodes
{
    public const string EmptyFile = "empty-file";
    public const string TooLarge = "file-too-large";
    public const string UnsupportedFile = "unsupported-file";
    public const string BadFileName = "bad-file-name";
    public const string NotUtf8 = "not-utf8";
    public const string BadZip = "bad-zip";
    public const string ZipPath = "zip-path";
    public const string ZipBomb = "zip-bomb";
    public const string MalformedLine = "malformed-line";
    public const string NonNumericValue = "non-numeric-value";
    public const string BadTime = "bad-time";
    public const string UnknownStatus = "unknown-status";
    public const string ControlCharacters = "control-characters";
    public const string UnknownStation = "unknown-station";
    public const string StationMismatch = "station-mismatch";
    public const string OtherUnitStation = "other-unit-station";
    public const string UnknownParameter = "unknown-parameter";
    public const string UnknownUnit = "unknown-unit";
    public const string FutureTime = "future-time";
    public const string TooOld = "too-old";
    public const string NoReadings = "no-readings";
}
