using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EnvGis.Data.Accounts;

/// <summary>
/// Checks passwords (throttled by <see cref="SignInThrottle"/>) and bearer tokens: every failure logged, successes logged (for HTTP Basic and tokens, which
/// come with every request, at most once per <see cref="RecheckInterval"/>). A verified Basic
/// password is remembered for that interval as a keyed digest, so QGIS's many tile and feature
/// requests do not each pay for PBKDF2; a new password or holder (security stamp) forgets it.
/// </summary>
public sealed class CredentialVerifier(AccountStore accounts, ApiTokenStore tokens, SignInThrottle throttle, ILogger<CredentialVerifier> logger)
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(5);

    /// <summary>The one answer to every refused password sign-in (see <see cref="VerifyPasswordAsync"/>).</summary>
    public const string WrongCredentials = "The user name or password is wrong, or there were too many attempts; try again in 15 minutes.";

    public const string AccountDisabled = "The account is disabled.";

    private readonly byte[] cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<long, Remembered> verified = new();

    /// <summary>
    /// Checks a user name and password. Every refusal looks the same to the caller (<see cref="WrongCredentials"/>,
    /// after a password hash's worth of work): unknown name, wrong password, a throttled client or account, and a
    /// disabled account. Only the right password of a disabled account is told that it is disabled.
    /// </summary>
    public async Task<SignInResult> VerifyPasswordAsync(string userName, string password, SignInMethod method, ClientInfo client, CancellationToken ct)
    {
        // A name no account can have (too long, control characters) is an unknown name: never looked up.
        var state = string.IsNullOrWhiteSpace(userName) || userName.Length > 100 || EnvGis.Core.Text.TextCheck.Problem(userName) is not null
            ? null
            : await accounts.FindByNameAsync(userName, ct);
        var digest = Digest(password);
        if (state is not null && method == SignInMethod.Basic && !state.Disabled && verified.TryGetValue(state.Account.Id, out var known)
            && known.Stamp == state.SecurityStamp && known.Until > DateTime.UtcNow && CryptographicOperations.FixedTimeEquals(known.Digest, digest))
        {
            return SignInResult.Success(state);
        }

        var clientKey = client.RemoteAddress ?? "unknown";
        var throttleName = state?.Account.UserName ?? EnvGis.Core.Text.TextCheck.Printable(userName.Length > 100 ? userName[..100] : userName);
        if (!await throttle.TakeAttemptAsync(throttleName, state?.Account.Id, clientKey, ct))
        {
            Passwords.Verify(null, password, out _);
            return await FailAsync(throttleName, state?.Account.Id, method, "throttled", client, ct);
        }

        if (state is null)
        {
            Passwords.Verify(null, password, out _);
            return await FailAsync(throttleName, null, method, "unknown user name", client, ct);
        }

        // No password has control characters (Passwords.Problem), and HMAC would take "pw\0" for "pw".
        if (EnvGis.Core.Text.TextCheck.Problem(password) is not null)
        {
            Passwords.Verify(null, password, out _);
            return await FailAsync(state.Account.UserName, state.Account.Id, method, "control characters in the password", client, ct);
        }

        var account = state.Account;
        if (!Passwords.Verify(state.PasswordHash, password, out var rehash))
        {
            verified.TryRemove(account.Id, out _);
            return await FailAsync(account.UserName, account.Id, method, state.Disabled ? "disabled account, wrong password" : "wrong password", client, ct);
        }

        if (state.Disabled)
        {
            return await FailAsync(account.UserName, account.Id, method, "disabled account", client, ct, shown: AccountDisabled);
        }

        await throttle.SucceededAsync(account.UserName, clientKey, ct);
        await accounts.RecordSuccessAsync(account.Id, rehash ? Passwords.Hash(password) : null, ct);
        await accounts.LogSignInAsync(account.UserName, account.Id, method, true, null, client, ct);
        if (method == SignInMethod.Basic)
        {
            verified[account.Id] = new Remembered(state.SecurityStamp, digest, DateTime.UtcNow + RecheckInterval);
        }

        logger.LogInformation("{User} signed in ({Method}) from {Address}", account.UserName, method, client.RemoteAddress);
        return SignInResult.Success(state);
    }

    public async Task<SignInResult> VerifyTokenAsync(string secret, ClientInfo client, CancellationToken ct)
    {
        var token = ApiTokens.LooksLikeToken(secret) ? await tokens.FindAsync(secret, ct) : null;
        var name = token is null ? "(unknown token)" : $"token {token.Prefix}…";
        if (token is null)
        {
            return await FailAsync(name, null, SignInMethod.Bearer, "The API token is not valid.", client, ct, shown: "The API token is not valid.");
        }

        var state = await accounts.FindByIdAsync(token.UserId, ct);
        var failure = token.IsRevoked ? "The API token was revoked."
            : token.IsExpired(DateTime.UtcNow) ? "The API token has expired."
            : state is null ? "The API token is not valid."
            : Refusal(state);
        if (failure is not null || state is null)
        {
            // A token is a random secret, not a guess: its holder may know why it stopped working.
            return await FailAsync(state?.Account.UserName ?? name, state?.Account.Id, SignInMethod.Bearer, failure!, client, ct, shown: failure!);
        }

        if (await tokens.TouchAsync(token.Id, ct))
        {
            await accounts.RecordSuccessAsync(state.Account.Id, null, ct);
            await accounts.LogSignInAsync(state.Account.UserName, state.Account.Id, SignInMethod.Bearer, true, null, client, ct);
        }

        return SignInResult.Success(state);
    }

    /// <summary>Why an existing account may not use a token now, or null.</summary>
    public static string? Refusal(AccountState state) => state.Disabled ? AccountDisabled : null;

    /// <summary>Logs the failure with its real reason (for the administrator) and answers with <paramref name="shown"/>.</summary>
    private async Task<SignInResult> FailAsync(string userName, long? userId, SignInMethod method, string failure, ClientInfo client,
        CancellationToken ct, string shown = WrongCredentials)
    {
        await accounts.LogSignInAsync(userName.Trim(), userId, method, false, failure, client, ct);
        logger.LogWarning("Failed sign-in ({Method}) for {User} from {Address}: {Failure}", method,
            EnvGis.Core.Text.TextCheck.Printable(userName), client.RemoteAddress, failure);
        return SignInResult.Fail(shown, false);
    }

    private byte[] Digest(string password) => HMACSHA256.HashData(cacheKey, Encoding.UTF8.GetBytes(password));

    private sealed record Remembered(Guid Stamp, byte[] Digest, DateTime Until);
}
