namespace EnvGis.Data.Accounts;

/// <summary>An expired, unrevoked token in the review.</summary>
public sealed record ReviewedToken
{
    public long Id { get; init; }

    public string UserName { get; init; } = "";

    public string Name { get; init; } = "";

    public string Prefix { get; init; } = "";

    public DateTime ExpiresAt { get; init; }

    public DateTime? LastUsedAt { get; init; }
}
