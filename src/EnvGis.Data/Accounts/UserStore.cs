using Dapper;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>
/// The administrator's side of accounts: create, list, reset passwords, hand over to a successor,
/// disable and unlock. Every change is in the audit log; password changes and handovers end the
/// account's sessions, and handovers revoke its tokens.
/// </summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(string? unitCode, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<UserSummary>(new CommandDefinition(
            $"SELECT {UserSummary.Columns} FROM envgis.users WHERE @unitCode::text IS NULL OR unit_code = @unitCode ORDER BY user_name",
            new { unitCode }, cancellationToken: ct))).AsList();
    }

    public async Task<UserSummary?> FindAsync(string userName, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserSummary>(new CommandDefinition(
            $"SELECT {UserSummary.Columns} FROM envgis.users WHERE user_name = @name",
            new { name = AccountStore.Normalize(userName) }, cancellationToken: ct));
    }

    /// <summary>Creates the account; null when the user name is taken (or a second administrator was asked for).</summary>
    public async Task<UserSummary?> CreateAsync(NewUser user, string createdBy, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var created = await connection.QuerySingleOrDefaultAsync<UserSummary>(new CommandDefinition(
            $"""
            INSERT INTO envgis.users (user_name, unit_code, role, client_can_write, holder_name, holder_contact, holder_since,
                                      password_hash, created_by)
            VALUES (@name, @unit, @role, @clientCanWrite, @holder, @contact, CASE WHEN @holder::text IS NULL THEN NULL ELSE now() END,
                    @hash, @createdBy)
            ON CONFLICT DO NOTHING
            RETURNING {UserSummary.Columns}
            """,
            new
            {
                name = AccountStore.Normalize(user.UserName), unit = user.UnitCode, role = Core.Security.Roles.Name(user.Role),
                clientCanWrite = user.ClientCanWrite, holder = user.HolderName, contact = user.HolderContact,
                hash = user.Password is null ? null : Passwords.Hash(user.Password), createdBy,
            }, transaction, cancellationToken: ct));
        if (created is not null)
        {
            await AuditLog.WriteAsync(connection, transaction, createdBy, "user.create", created.UserName,
                new { unit = user.UnitCode, role = created.Role, holder = user.HolderName, clientCanWrite = user.ClientCanWrite }, ct);
        }

        await transaction.CommitAsync(ct);
        return created;
    }

    /// <summary>Sets a new password and ends every session of the account; false when there is no such account.</summary>
    public async Task<bool> SetPasswordAsync(long userId, string password, string by, string reason, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var name = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            UPDATE envgis.users SET password_hash = @hash, security_stamp = gen_random_uuid(), failed_attempts = 0, locked_until = NULL
            WHERE id = @userId RETURNING user_name
            """, new { userId, hash = Passwords.Hash(password) }, transaction, cancellationToken: ct));
        if (name is null)
        {
            return false;
        }

        var ended = await SessionStore.EndAllAsync(connection, transaction, userId, reason, ct);
        await AuditLog.WriteAsync(connection, transaction, by, "user.password", name, new { reason, sessionsEnded = ended }, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Hands the account over to <paramref name="toHolder"/>: new holder and password, every session
    /// ended and every token revoked, in one transaction with its handover record.
    /// </summary>
    public async Task<Handover?> HandOverAsync(long userId, string toHolder, string? toContact, string reason, string newPassword,
        string by, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<HolderRow>(new CommandDefinition(
            "SELECT user_name AS Name, holder_name AS Holder FROM envgis.users WHERE id = @userId FOR UPDATE",
            new { userId }, transaction, cancellationToken: ct));
        if (user is null)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE envgis.users SET holder_name = @toHolder, holder_contact = @toContact, holder_since = now(),
                   password_hash = @hash, security_stamp = gen_random_uuid(), failed_attempts = 0, locked_until = NULL
            WHERE id = @userId
            """, new { userId, toHolder, toContact, hash = Passwords.Hash(newPassword) }, transaction, cancellationToken: ct));
        var sessions = await SessionStore.EndAllAsync(connection, transaction, userId, "handover", ct);
        var tokens = await ApiTokenStore.RevokeAllAsync(connection, transaction, userId, by, "handover", ct);
        var handover = await connection.QuerySingleAsync<Handover>(new CommandDefinition(
            $"""
            INSERT INTO envgis.account_handovers (user_id, from_holder, to_holder, to_contact, reason, performed_by,
                                                  sessions_ended, tokens_revoked)
            VALUES (@userId, @from, @toHolder, @toContact, @reason, @by, @sessions, @tokens)
            RETURNING {HandoverColumns}
            """, new { userId, from = user.Holder, toHolder, toContact, reason, by, sessions, tokens }, transaction, cancellationToken: ct));
        await AuditLog.WriteAsync(connection, transaction, by, "user.handover", user.Name,
            new { from = user.Holder, to = toHolder, reason, sessionsEnded = sessions, tokensRevoked = tokens }, ct);
        await transaction.CommitAsync(ct);
        return handover;
    }

    public async Task<IReadOnlyList<Handover>> HandoversAsync(long userId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Handover>(new CommandDefinition(
            $"SELECT {HandoverColumns} FROM envgis.account_handovers WHERE user_id = @userId ORDER BY id",
            new { userId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Disables (ending its sessions) or enables an account; the administrator cannot be disabled.</summary>
    public async Task<bool> SetDisabledAsync(long userId, bool disabled, string by, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var name = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            UPDATE envgis.users SET disabled = @disabled, security_stamp = gen_random_uuid()
            WHERE id = @userId AND role <> 'administrator' RETURNING user_name
            """, new { userId, disabled }, transaction, cancellationToken: ct));
        if (name is null)
        {
            return false;
        }

        var ended = disabled ? await SessionStore.EndAllAsync(connection, transaction, userId, "disabled", ct) : 0;
        await AuditLog.WriteAsync(connection, transaction, by, disabled ? "user.disable" : "user.enable", name, new { sessionsEnded = ended }, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<bool> UnlockAsync(long userId, string by, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var name = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "UPDATE envgis.users SET failed_attempts = 0, locked_until = NULL WHERE id = @userId RETURNING user_name",
            new { userId }, transaction, cancellationToken: ct));
        if (name is not null)
        {
            await SignInThrottle.ClearAccountAsync(connection, transaction, name, ct);
            await AuditLog.WriteAsync(connection, transaction, by, "user.unlock", name, new { }, ct);
        }

        await transaction.CommitAsync(ct);
        return name is not null;
    }

    /// <summary>The most recent sign-ins and failures, newest first.</summary>
    public async Task<IReadOnlyList<SignInEntry>> SignInsAsync(string? userName, int limit, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<SignInEntry>(new CommandDefinition(
            """
            SELECT id AS Id, at AS At, user_name AS UserName, method AS Method, succeeded AS Succeeded, failure AS Failure,
                   remote_address AS RemoteAddress, user_agent AS UserAgent
            FROM envgis.sign_ins WHERE @name::text IS NULL OR user_name = @name ORDER BY id DESC LIMIT @limit
            """, new { name = userName is null ? null : AccountStore.Normalize(userName), limit }, cancellationToken: ct))).AsList();
    }

    private sealed record HolderRow
    {
        public string Name { get; init; } = "";

        public string? Holder { get; init; }
    }

    private const string HandoverColumns =
        "id AS Id, from_holder AS FromHolder, to_holder AS ToHolder, to_contact AS ToContact, reason AS Reason, "
        + "performed_by AS PerformedBy, performed_at AS PerformedAt, sessions_ended AS SessionsEnded, tokens_revoked AS TokensRevoked";

    /// <summary>
    /// Changes an account's unit, role, holder contact and client write grant (not its holder: that is a
    /// handover, which does the same). A changed unit, role or write grant ends the account's sessions and revokes
    /// its API tokens: what was issued for one unit and role must not act for another. Null when there is no such account.
    /// </summary>
    public async Task<UserSummary?> UpdateAsync(long userId, UserChanges changes, string by, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<UserSummary>(new CommandDefinition(
            $"SELECT {UserSummary.Columns} FROM envgis.users WHERE id = @userId FOR UPDATE", new { userId }, transaction, cancellationToken: ct));
        if (before is null)
        {
            return null;
        }

        var role = Core.Security.Roles.Name(changes.Role);
        var moved = before.UnitCode != changes.UnitCode || before.Role != role || before.ClientCanWrite != changes.ClientCanWrite;
        var after = await connection.QuerySingleAsync<UserSummary>(new CommandDefinition(
            $"""
            UPDATE envgis.users SET unit_code = @unit, role = @role, holder_contact = @contact, client_can_write = @clientCanWrite,
                                    security_stamp = CASE WHEN @moved THEN gen_random_uuid() ELSE security_stamp END
            WHERE id = @userId
            RETURNING {UserSummary.Columns}
            """,
            new { userId, unit = changes.UnitCode, role, contact = changes.HolderContact, clientCanWrite = changes.ClientCanWrite, moved },
            transaction, cancellationToken: ct));
        var ended = moved ? await SessionStore.EndAllAsync(connection, transaction, userId, "unit or role changed", ct) : 0;
        var revoked = moved ? await ApiTokenStore.RevokeAllAsync(connection, transaction, userId, by, "unit or role changed", ct) : 0;
        await AuditLog.WriteAsync(connection, transaction, by, "user.update", after.UserName, new
        {
            before = new { unit = before.UnitCode, role = before.Role, contact = before.HolderContact, clientCanWrite = before.ClientCanWrite },
            after = new { unit = after.UnitCode, role = after.Role, contact = after.HolderContact, clientCanWrite = after.ClientCanWrite },
            sessionsEnded = ended,
            tokensRevoked = revoked,
        }, ct);
        await transaction.CommitAsync(ct);
        return after;
    }
}
