using EnvGis.Core.Security;

namespace EnvGis.Data.Accounts;

/// <summary>How a unit's stored scope row (or its absence) becomes its <see cref="SpatialScope"/>.</summary>
public static class UnitScopes
{
    /// <summary>
    /// A commune's area is always its own polygon; other units have the area the administrator set
    /// (<paramref name="wholeCity"/> null: none set) or their default.
    /// </summary>
    public static SpatialScope? AreaOf(Unit unit, bool? wholeCity, IReadOnlyList<string>? communes) => unit.Kind switch
    {
        UnitKind.Commune => SpatialScope.DefaultFor(unit),
        _ when wholeCity is true => SpatialScope.Everywhere,
        _ when wholeCity is false && communes is { Count: > 0 } => SpatialScope.Of(communes),
        _ => SpatialScope.DefaultFor(unit),
    };
}
