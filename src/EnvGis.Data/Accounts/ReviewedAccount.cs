namespace EnvGis.Data.Accounts;

/// <summary>An account in the review.</summary>
public sealed record ReviewedAccount
{
    public string UserName { get; init; } = "";

    public string UnitCode { get; init; } = "";

    public string Role { get; init; } = "";

    public string? HolderName { get; init; }

    public bool Disabled { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? LastUsedAt { get; init; }
}
