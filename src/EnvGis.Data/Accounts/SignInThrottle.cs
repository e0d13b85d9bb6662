using Dapper;
using Npgsql;

namespace EnvGis.Data.Accounts;

/// <summary>
/// Limits password guessing (docs/hardening.md, "Sign-in throttling"). Every password check first takes
/// an attempt in the database (<see cref="TakeAttemptAsync"/>: one upsert, so 16 parallel guesses are 16
/// counted attempts, not five plus a race), and is refused without looking at the password when:
/// <list type="bullet">
/// <item>this client has made <see cref="PairLimit"/> attempts at this account in the window;</item>
/// <item>this client has made <see cref="ClientLimit"/> attempts at any accounts in the window;</item>
/// <item>all clients together have made <see cref="AccountLimit"/> attempts at this account in the window,
/// and this client never signed in to it before (its holder's usual clients keep working).</item>
/// </list>
/// A successful sign-in gives its attempt back and clears its client's count for the account.
/// </summary>
public sealed class SignInThrottle(NpgsqlDataSource dataSource)
{
    public const int PairLimit = 5;
    public const int ClientLimit = 30;
    public const int AccountLimit = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How far back a successful sign-in makes a client known to an account.</summary>
    public static readonly TimeSpan KnownClientAge = TimeSpan.FromDays(90);

    /// <summary>Counts one attempt of <paramref name="client"/> at <paramref name="userName"/>; false when it must be refused.</summary>
    public async Task<bool> TakeAttemptAsync(string userName, long? userId, string client, CancellationToken ct)
    {
        var keys = Keys(userName, client);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var counts = (await connection.QueryAsync<(string Key, int Attempts)>(new CommandDefinition(
            """
            INSERT INTO envgis.sign_in_throttle AS t (key, attempts, window_start)
            SELECT k, 1, now() FROM unnest(@keys) AS k
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN t.window_start < now() - @window THEN 1 ELSE t.attempts + 1 END,
                window_start = CASE WHEN t.window_start < now() - @window THEN now() ELSE t.window_start END
            RETURNING t.key, t.attempts
            """, new { keys = new[] { keys.Pair, keys.Client, keys.Account }, window = Window }, cancellationToken: ct)))
            .ToDictionary(c => c.Key, c => c.Attempts);
        if (counts[keys.Pair] > PairLimit || counts[keys.Client] > ClientLimit)
        {
            return false;
        }

        if (counts[keys.Account] <= AccountLimit)
        {
            return true;
        }

        // The account is under attack: only clients that signed in to it before may go on.
        if (userId is { } id && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                """
                SELECT EXISTS (SELECT 1 FROM envgis.sign_ins
                               WHERE user_id = @id AND remote_address = @client AND succeeded AND at > now() - @age)
                """, new { id, client, age = KnownClientAge }, cancellationToken: ct)))
        {
            return true;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE envgis.users SET locked_until = now() + @window WHERE id = @id AND (locked_until IS NULL OR locked_until < now())",
            new { id = userId ?? 0, window = Window }, cancellationToken: ct));
        return false;
    }

    /// <summary>A successful sign-in: its attempt does not count against the client or the account, and the client's count for the account starts again.</summary>
    public async Task SucceededAsync(string userName, string client, CancellationToken ct)
    {
        var keys = Keys(userName, client);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM envgis.sign_in_throttle WHERE key = @pair OR window_start < now() - 2 * @window;
            UPDATE envgis.sign_in_throttle SET attempts = greatest(attempts - 1, 0) WHERE key IN (@client, @account);
            """, new { pair = keys.Pair, client = keys.Client, account = keys.Account, window = Window }, cancellationToken: ct));
    }

    /// <summary>The administrator lifts the limits of an account (every client's count at it, and the account's).</summary>
    public static Task ClearAccountAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string userName, CancellationToken ct)
    {
        var name = AccountStore.Normalize(userName);
        return connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM envgis.sign_in_throttle WHERE key = @account OR starts_with(key, @pairs)",
            new { account = "account:" + name, pairs = "pair:" + name + "|" }, transaction, cancellationToken: ct));
    }

    private static (string Pair, string Client, string Account) Keys(string userName, string client)
    {
        var name = AccountStore.Normalize(userName);
        return ($"pair:{name}|{client}", $"client:{client}", $"account:{name}");
    }
}
