using Dapper;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>Server-side portal sessions: the sign-in cookie names one, and ending it signs the cookie out everywhere.</summary>
public sealed class SessionStore(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public async Task<(Guid Id, DateTime ExpiresAt)> CreateAsync(long userId, ClientInfo client, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<(Guid, DateTime)>(new CommandDefinition(
            """
            INSERT INTO envgis.sessions (user_id, expires_at, remote_address, user_agent)
            VALUES (@userId, now() + @lifetime, @remote, @agent)
            RETURNING id, expires_at
            """, new { userId, lifetime = Lifetime, remote = client.RemoteAddress, agent = client.ShortUserAgent },
            cancellationToken: ct));
    }

    public async Task EndAsync(Guid sessionId, string reason, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE envgis.sessions SET ended_at = now(), ended_reason = @reason WHERE id = @sessionId AND ended_at IS NULL",
            new { sessionId, reason }, cancellationToken: ct));
    }

    /// <summary>Ends every open session of a user (password change, handover, disabling); returns how many.</summary>
    public static Task<int> EndAllAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long userId, string reason, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE envgis.sessions SET ended_at = now(), ended_reason = @reason WHERE user_id = @userId AND ended_at IS NULL",
            new { userId, reason }, transaction, cancellationToken: ct));
}
