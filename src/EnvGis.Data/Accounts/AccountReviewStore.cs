using Dapper;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>Builds the account review report from the accounts and tokens.</summary>
public sealed class AccountReviewStore(NpgsqlDataSource dataSource)
{
    public const int UnusedDays = 90;

    private const string AccountColumns =
        "user_name AS UserName, unit_code AS UnitCode, role AS Role, holder_name AS HolderName, disabled AS Disabled, "
        + "created_at AS CreatedAt, last_used_at AS LastUsedAt";

    public async Task<AccountReview> ReviewAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var now = await connection.QuerySingleAsync<DateTime>(new CommandDefinition("SELECT now()", cancellationToken: ct));
        async Task<IReadOnlyList<ReviewedAccount>> Accounts(string where) =>
            (await connection.QueryAsync<ReviewedAccount>(new CommandDefinition(
                $"SELECT {AccountColumns} FROM envgis.users WHERE {where} ORDER BY user_name",
                new { days = TimeSpan.FromDays(UnusedDays) }, cancellationToken: ct))).AsList();

        var neverUsed = await Accounts("last_used_at IS NULL");
        var unused = await Accounts("last_used_at < now() - @days");
        var noHolder = await Accounts("coalesce(btrim(holder_name), '') = ''");
        var tokens = (await connection.QueryAsync<ReviewedToken>(new CommandDefinition(
            """
            SELECT t.id AS Id, u.user_name AS UserName, t.name AS Name, t.prefix AS Prefix, t.expires_at AS ExpiresAt,
                   t.last_used_at AS LastUsedAt
            FROM envgis.api_tokens AS t JOIN envgis.users AS u ON u.id = t.user_id
            WHERE t.expires_at <= now() AND t.revoked_at IS NULL
            ORDER BY u.user_name, t.id
            """, cancellationToken: ct))).AsList();
        return new AccountReview(now, neverUsed, unused, noHolder, tokens);
    }
}
