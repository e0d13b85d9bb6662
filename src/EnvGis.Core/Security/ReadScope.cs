namespace EnvGis.Core.Security;

/// <summary>
/// What a caller may read. Every query over layer records takes one, so a visibility filter is
/// always applied: anonymous callers see published, non-restricted records of public layers only.
/// </summary>
public sealed record ReadScope
{
    private ReadScope(bool seesUnpublished, bool seesRestricted, string? unitCode)
    {
        SeesUnpublished = seesUnpublished;
        SeesRestricted = seesRestricted;
        UnitCode = unitCode;
    }

    public static ReadScope Anonymous { get; } = new(false, false, null);

    /// <summary>The administrator (and system tasks such as loading sample data) see everything.</summary>
    public static ReadScope Everything { get; } = new(true, true, null);

    public bool SeesUnpublished { get; }

    public bool SeesRestricted { get; }

    public string? UnitCode { get; }

    public bool IsAnonymous => !SeesUnpublished && !SeesRestricted && UnitCode is null;

    /// <summary>A short stable key for caches: responses for different scopes never share an entry.</summary>
    public string CacheKey => IsAnonymous ? "public" : $"{(SeesUnpublished ? "u" : "")}{(SeesRestricted ? "r" : "")}:{UnitCode}";
}
