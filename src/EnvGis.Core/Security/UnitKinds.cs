namespace EnvGis.Core.Security;

/// <summary>Unit kind names as stored in envgis.units.</summary>
public static class UnitKinds
{
    public static string Name(this UnitKind kind) => kind switch
    {
        UnitKind.Department => "department",
        UnitKind.CityDepartment => "city_department",
        UnitKind.EconomicZoneAuthority => "economic_zone_authority",
        UnitKind.Commune => "commune",
        UnitKind.Enterprise => "enterprise",
        UnitKind.Client => "client",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static UnitKind Parse(string name)
    {
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            if (kind.Name() == name)
            {
                return kind;
            }
        }

        throw new ArgumentException($"Unknown unit kind '{name}'.", nameof(name));
    }

    /// <summary>City-level units: their scope is the whole city or a list of communes, and they may self-approve.</summary>
    public static bool IsCityLevel(this UnitKind kind) =>
        kind is UnitKind.Department or UnitKind.CityDepartment or UnitKind.EconomicZoneAuthority;
}
