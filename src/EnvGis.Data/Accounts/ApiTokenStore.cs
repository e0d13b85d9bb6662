using Dapper;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>Creates, finds, lists and revokes bearer tokens; the secret itself is never stored.</summary>
public sealed class ApiTokenStore(NpgsqlDataSource dataSource)
{
    /// <summary>The longest a token may live.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>Creates a token for <paramref name="userId"/>; the returned secret is shown once.</summary>
    public async Task<(ApiTokenInfo Info, string Secret)> CreateAsync(long userId, string name, TimeSpan lifetime, string createdBy, CancellationToken ct = default)
    {
        var secret = ApiTokens.Generate();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var info = await connection.QuerySingleAsync<ApiTokenInfo>(new CommandDefinition(
            $"""
            INSERT INTO envgis.api_tokens (user_id, name, prefix, token_hash, created_by, expires_at)
            VALUES (@userId, @name, @prefix, @hash, @createdBy, now() + @lifetime)
            RETURNING {ApiTokenInfo.Columns}
            """, new { userId, name, prefix = secret[..ApiTokens.PrefixLength], hash = ApiTokens.HashOf(secret), createdBy, lifetime },
            cancellationToken: ct));
        return (info, secret);
    }

    /// <summary>The token with this secret (revoked and expired ones too: the caller says why they fail).</summary>
    public async Task<ApiTokenInfo?> FindAsync(string secret, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiTokenInfo>(new CommandDefinition(
            $"SELECT {ApiTokenInfo.Columns} FROM envgis.api_tokens WHERE token_hash = @hash",
            new { hash = ApiTokens.HashOf(secret) }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(long userId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ApiTokenInfo>(new CommandDefinition(
            $"SELECT {ApiTokenInfo.Columns} FROM envgis.api_tokens WHERE user_id = @userId ORDER BY id",
            new { userId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Revokes one token; false when it does not exist or was already revoked.</summary>
    public async Task<bool> RevokeAsync(long tokenId, string by, string reason, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE envgis.api_tokens SET revoked_at = now(), revoked_by = @by, revoked_reason = @reason
            WHERE id = @tokenId AND revoked_at IS NULL
            """, new { tokenId, by, reason }, cancellationToken: ct)) == 1;
    }

    /// <summary>Notes a use, at most every five minutes; true when this use was noted (and should be logged).</summary>
    public async Task<bool> TouchAsync(long tokenId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE envgis.api_tokens SET last_used_at = now()
            WHERE id = @tokenId AND (last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')
            """, new { tokenId }, cancellationToken: ct)) == 1;
    }

    public static Task<int> RevokeAllAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long userId, string by, string reason, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE envgis.api_tokens SET revoked_at = now(), revoked_by = @by, revoked_reason = @reason
            WHERE user_id = @userId AND revoked_at IS NULL
            """, new { userId, by, reason }, transaction, cancellationToken: ct));
}
