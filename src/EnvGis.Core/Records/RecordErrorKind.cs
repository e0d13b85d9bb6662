namespace EnvGis.Core.Records;

/// <summary>Why a write was refused; each maps to an HTTP status (400, 403, 404, 409, 413) and an OGC exception code.</summary>
public enum RecordErrorKind
{
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
}
