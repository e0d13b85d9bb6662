namespace EnvGis.Core.Security;

/// <summary>
/// What a caller may read. Every query over layer records takes one, so a visibility filter is
/// always applied: anonymous callers see published, non-restricted records of public layers only;
/// a unit also sees the records it owns that lie within its spatial scope, and the restricted
/// layers it was granted.
/// </summary>
public sealed record ReadScope
{
    private static readonly IReadOnlySet<string> NoLayers = new HashSet<string>(StringComparer.Ordinal);

    private ReadScope(bool seesUnpublished, bool seesRestricted, string? unitCode, IReadOnlySet<string> layers, SpatialScope? area)
    {
        SeesUnpublished = seesUnpublished;
        SeesRestricted = seesRestricted;
        UnitCode = unitCode;
        GrantedLayers = layers;
        Area = area;
    }

    public static ReadScope Anonymous { get; } = new(false, false, null, NoLayers, null);

    /// <summary>The administrator (and system tasks such as loading sample data) see everything.</summary>
    public static ReadScope Everything { get; } = new(true, true, null, NoLayers, SpatialScope.Everywhere);

    /// <summary>
    /// A unit: the public records, plus its own records within <paramref name="area"/> (none when the
    /// area is null), and the restricted layers among <paramref name="layers"/>.
    /// </summary>
    public static ReadScope ForUnit(string unitCode, IEnumerable<string> layers, SpatialScope? area) =>
        new(false, false, unitCode, layers.ToHashSet(StringComparer.Ordinal), area);

    public bool SeesUnpublished { get; }

    public bool SeesRestricted { get; }

    public string? UnitCode { get; }

    /// <summary>The layers granted to the unit: it may open them even when they are restricted.</summary>
    public IReadOnlySet<string> GrantedLayers { get; }

    /// <summary>Where the unit's own unpublished records are visible to it; null: nowhere.</summary>
    public SpatialScope? Area { get; }

    public bool IsAnonymous => !SeesUnpublished && !SeesRestricted && UnitCode is null;

    /// <summary>A short stable key for caches: responses for different scopes never share an entry.</summary>
    public string CacheKey => IsAnonymous
        ? "public"
        : $"{(SeesUnpublished ? "u" : "")}{(SeesRestricted ? "r" : "")}:{UnitCode}:{string.Join(",", GrantedLayers.Order(StringComparer.Ordinal))}"
          + $":{(Area is null ? "-" : Area.WholeCity ? "*" : string.Join(",", Area.Communes))}";

    public bool Equals(ReadScope? other) => other is not null && CacheKey == other.CacheKey;

    public override int GetHashCode() => CacheKey.GetHashCode(StringComparison.Ordinal);
}
