namespace EnvGis.Data.Accounts;

/// <summary>What is kept about a token: never the secret, only its first characters.</summary>
public sealed record ApiTokenInfo
{
    public long Id { get; init; }

    public long UserId { get; init; }

    public string Name { get; init; } = "";

    public string Prefix { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTime ExpiresAt { get; init; }

    public DateTime? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public string? RevokedReason { get; init; }

    public DateTime? LastUsedAt { get; init; }

    internal const string Columns =
        "id AS Id, user_id AS UserId, name AS Name, prefix AS Prefix, created_at AS CreatedAt, created_by AS CreatedBy, "
        + "expires_at AS ExpiresAt, revoked_at AS RevokedAt, revoked_by AS RevokedBy, revoked_reason AS RevokedReason, last_used_at AS LastUsedAt";

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpired(DateTime now) => ExpiresAt <= now;
}
