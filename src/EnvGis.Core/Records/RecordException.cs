namespace EnvGis.Core.Records;

/// <summary>A write refused with a message meant for the user; nothing of the write is kept.</summary>
public sealed class RecordException(RecordErrorKind kind, string message, string? field = null) : Exception(message)
{
    public RecordErrorKind Kind { get; } = kind;

    /// <summary>The property, parameter or part of the request at fault, when there is one.</summary>
    public string? Field { get; } = field;

    /// <summary>A machine-readable reason (<see cref="RecordErrorCodes"/>), when there is one.</summary>
    public string? Code { get; init; }

    public static RecordException Invalid(string message, string? field = null) => new(RecordErrorKind.Invalid, message, field);

    public static RecordException Forbidden(string message) => new(RecordErrorKind.Forbidden, message);

    public static RecordException NotFound(string message) => new(RecordErrorKind.NotFound, message);

    public static RecordException Conflict(string message) => new(RecordErrorKind.Conflict, message);
}
