using Dapper;
using EnvGis.Core.Security;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>
/// Loads accounts with their unit and the unit's scope (one query per authenticated request), and
/// keeps their sign-in state: last use; failed attempts are counted by <see cref="SignInThrottle"/>.
/// </summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    private const string AccountSelect = """
        SELECT u.id AS Id, u.user_name AS UserName, u.role AS Role, u.client_can_write AS ClientCanWrite,
               u.holder_name AS HolderName, u.security_stamp AS SecurityStamp, u.disabled AS Disabled,
               u.locked_until AS LockedUntil, u.password_hash AS PasswordHash,
               n.code AS UnitCode, n.kind AS UnitKind, n.commune_code AS UnitCommune, n.self_approve AS SelfApprove,
               n.new_record_status AS NewRecordStatus, s.whole_city AS WholeCity, s.communes AS Communes,
               ARRAY(SELECT l.layer FROM envgis.unit_layers AS l WHERE l.unit_code = n.code ORDER BY l.layer) AS Layers
        FROM envgis.users AS u
        JOIN envgis.units AS n ON n.code = u.unit_code
        LEFT JOIN envgis.unit_scopes AS s ON s.unit_code = n.code
        """;

    public async Task<AccountState?> FindByIdAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(
            new CommandDefinition(AccountSelect + " WHERE u.id = @id", new { id }, cancellationToken: ct));
        return row?.ToState();
    }

    public async Task<AccountState?> FindByNameAsync(string userName, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(
            new CommandDefinition(AccountSelect + " WHERE u.user_name = @name", new { name = Normalize(userName) }, cancellationToken: ct));
        return row?.ToState();
    }

    /// <summary>The account of an open, unexpired portal session.</summary>
    public async Task<AccountState?> FindBySessionAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            AccountSelect + """
                 WHERE u.id = (SELECT x.user_id FROM envgis.sessions AS x
                               WHERE x.id = @sessionId AND x.ended_at IS NULL AND x.expires_at > now())
                """, new { sessionId }, cancellationToken: ct));
        return row?.ToState();
    }

    /// <summary>A successful sign-in: clears the failures, notes the use, upgrades an old hash.</summary>
    public async Task RecordSuccessAsync(long userId, string? rehashed, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE envgis.users SET failed_attempts = 0, locked_until = NULL, last_used_at = now(),
                                    password_hash = coalesce(@rehashed, password_hash)
            WHERE id = @userId
            """, new { userId, rehashed }, cancellationToken: ct));
    }

    public async Task LogSignInAsync(string userName, long? userId, SignInMethod method, bool succeeded, string? failure,
        ClientInfo client, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO envgis.sign_ins (user_name, user_id, method, succeeded, failure, remote_address, user_agent)
            VALUES (@userName, @userId, @method, @succeeded, @failure, @remote, @agent)
            """,
            new
            {
                userName = EnvGis.Core.Text.TextCheck.Printable(userName.Length > 100 ? userName[..100] : userName),
                userId, method = method.ToString().ToLowerInvariant(), succeeded, failure,
                remote = client.RemoteAddress, agent = client.ShortUserAgent,
            }, cancellationToken: ct));
    }

    /// <summary>User names are case-insensitive: stored and looked up in lower case.</summary>
    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    private sealed record AccountRow
    {
        public long Id { get; init; }

        public string UserName { get; init; } = "";

        public string Role { get; init; } = "";

        public bool ClientCanWrite { get; init; }

        public string? HolderName { get; init; }

        public Guid SecurityStamp { get; init; }

        public bool Disabled { get; init; }

        public DateTime? LockedUntil { get; init; }

        public string? PasswordHash { get; init; }

        public string UnitCode { get; init; } = "";

        public string UnitKind { get; init; } = "";

        public string? UnitCommune { get; init; }

        public bool SelfApprove { get; init; }

        public string NewRecordStatus { get; init; } = "";

        public bool? WholeCity { get; init; }

        public string[]? Communes { get; init; }

        public string[] Layers { get; init; } = [];

        public AccountState ToState()
        {
            var unit = new Unit(UnitCode, UnitKinds.Parse(UnitKind), UnitCommune, SelfApprove, NewRecordStatus);
            var scope = new UnitScope(Layers.ToHashSet(StringComparer.Ordinal), UnitScopes.AreaOf(unit, WholeCity, Communes));
            var account = new Account(Id, UserName, Roles.Parse(Role), unit, ClientCanWrite, HolderName, scope);
            return new AccountState(account, SecurityStamp, Disabled, LockedUntil, PasswordHash);
        }
    }
}
