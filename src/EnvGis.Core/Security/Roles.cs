namespace EnvGis.Core.Security;

/// <summary>Role names as stored and sent on the wire, and which roles fit which kind of unit.</summary>
public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string Name(this Role role) => role switch
    {
        Role.Administrator => "administrator",
        Role.Editor => "editor",
        Role.Approver => "approver",
        Role.Reporter => "reporter",
        Role.Client => "client",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? name, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static Role Parse(string name) =>
        TryParse(name, out var role) ? role : throw new ArgumentException($"Unknown role '{name}'.", nameof(name));

    /// <summary>
    /// The roles an account of a unit of <paramref name="kind"/> may have: the administrator belongs to the
    /// Department, reporters to enterprises, clients to connection units; editors and approvers to
    /// the Department, city units and communes.
    /// </summary>
    public static IReadOnlyList<Role> AllowedFor(UnitKind kind) => kind switch
    {
        UnitKind.Department => [Role.Administrator, Role.Editor, Role.Approver],
        UnitKind.CityDepartment or UnitKind.EconomicZoneAuthority or UnitKind.Commune => [Role.Editor, Role.Approver],
        UnitKind.Enterprise => [Role.Reporter],
        UnitKind.Client => [Role.Client],
        _ => [],
    };
}
