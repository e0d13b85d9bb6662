namespace EnvGis.Core.Security;

/// <summary>
/// Where a unit may work (Art. 9.2): the whole city, or the union of some communes' polygons
/// (data.communes). A commune's scope is always its own polygon.
/// </summary>
public sealed record SpatialScope
{
    private SpatialScope(bool wholeCity, IReadOnlyList<string> communes)
    {
        WholeCity = wholeCity;
        Communes = communes;
    }

    public static SpatialScope Everywhere { get; } = new(true, []);

    public bool WholeCity { get; }

    /// <summary>Commune codes whose polygons form the scope (empty for the whole city), sorted.</summary>
    public IReadOnlyList<string> Communes { get; }

    public static SpatialScope Of(IEnumerable<string> communes)
    {
        var list = communes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count > 0 ? new SpatialScope(false, list) : throw new ArgumentException("A spatial scope needs at least one commune.", nameof(communes));
    }

    /// <summary>
    /// The scope of a unit without one set by the administrator: its own commune for communes and
    /// enterprises (nothing when an enterprise has no commune), else the whole city.
    /// </summary>
    public static SpatialScope? DefaultFor(Unit unit) => unit.Kind switch
    {
        UnitKind.Commune or UnitKind.Enterprise => unit.CommuneCode is { } commune ? Of([commune]) : null,
        _ => Everywhere,
    };

    public string Describe() => WholeCity ? "the whole city" : $"commune(s) {string.Join(", ", Communes)}";

    public bool Equals(SpatialScope? other) =>
        other is not null && WholeCity == other.WholeCity && Communes.SequenceEqual(other.Communes, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(WholeCity, string.Join(",", Communes));
}
