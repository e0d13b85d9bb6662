using EnvGis.Core.Security;

namespace EnvGis.Core.Compliance;

/// <summary>
/// Which units owe a monthly update (Art. 6.2, 11.4–11.6; docs/operations.md "Monthly update compliance"): city departments, the
/// Economic Zone Authority and the communes, once the Department has granted them a layer to edit.
/// Enterprises report through their own reports, connection accounts only read, and the Department
/// itself is the one that urges the others.
/// </summary>
public static class ObligedUnits
{
    public static bool IsObligedKind(UnitKind kind) =>
        kind is UnitKind.CityDepartment or UnitKind.EconomicZoneAuthority or UnitKind.Commune;

    /// <summary>The stored names of those kinds (envgis.units.kind), for SQL.</summary>
    public static IReadOnlyList<string> KindNames { get; } =
        [UnitKind.CityDepartment.Name(), UnitKind.EconomicZoneAuthority.Name(), UnitKind.Commune.Name()];
}
