namespace EnvGis.Core.Records;

/// <summary>
/// Machine-readable reasons of some refusals, sent as the <c>code</c> member of the API's problem
/// details so that clients (the portal) need not read the English text.
/// </summary>
public static class RecordErrorCodes
{
    /// <summary>The geometry or record lies outside the caller's spatial scope (or the unit has none).</summary>
    public const string OutsideScope = "outside-scope";

    /// <summary>The change was based on an older version of the record.</summary>
    public const string StaleVersion = "stale-version";

    /// <summary>The geometry is not valid (self-intersection, bad ring…) or has impossible coordinates.</summary>
    public const string InvalidGeometry = "invalid-geometry";

    /// <summary>Text with control characters or lone surrogates (see Text.TextCheck).</summary>
    public const string InvalidText = Text.TextCheck.ProblemCode;

    /// <summary>The change would need the record to go through approval again, or the caller may not see that it does.</summary>
    public const string ReviewNeeded = "review-needed";
}
