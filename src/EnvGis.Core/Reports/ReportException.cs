namespace EnvGis.Core.Reports;

/// <summary>
/// A refusal of an enterprise report operation, with its stable <see cref="Code"/> (docs/operations.md "Enterprise reports"
/// "Refusals") and the HTTP status it maps to. Nothing was changed when it is thrown.
/// </summary>
public sealed class ReportException(int status, string code, string message, string? field = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Field { get; } = field;

    public static ReportException NotFound(string message) => new(404, "unknown-report", message);

    public static ReportException Invalid(string code, string message, string? field = null) => new(400, code, message, field);

    public static ReportException Conflict(string code, string message) => new(409, code, message);

    public static ReportException Forbidden(string code, string message) => new(403, code, message);
}
