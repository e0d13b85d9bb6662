namespace EnvGis.Data.Accounts;

/// <summary>An account as the administrator lists it.</summary>
public sealed record UserSummary
{
    public long Id { get; init; }

    public string UserName { get; init; } = "";

    public string UnitCode { get; init; } = "";

    public string Role { get; init; } = "";

    public bool ClientCanWrite { get; init; }

    public string? HolderName { get; init; }

    public string? HolderContact { get; init; }

    public DateTime? HolderSince { get; init; }

    public bool Disabled { get; init; }

    public DateTime? LockedUntil { get; init; }

    public DateTime? LastUsedAt { get; init; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    public bool HasPassword { get; init; }

    internal const string Columns =
        "id AS Id, user_name AS UserName, unit_code AS UnitCode, role AS Role, client_can_write AS ClientCanWrite, "
        + "holder_name AS HolderName, holder_contact AS HolderContact, holder_since AS HolderSince, disabled AS Disabled, "
        + "locked_until AS LockedUntil, last_used_at AS LastUsedAt, created_at AS CreatedAt, created_by AS CreatedBy, "
        + "password_hash IS NOT NULL AS HasPassword";
}
