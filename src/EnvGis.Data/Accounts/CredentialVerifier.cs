using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EnvGis.Data.Accounts;

/// <summary>
/// Checks passwords and bearer tokens: lockout after <see cref="AccountStore.LockoutThreshold"/>
/// consecutive failures, every failure logged, successes logged (for HTTP Basic and tokens, which
/// come with every request, at most once per <see cref="RecheckInterval"/>). A verified Basic
/// password is remembered for that interval as a keyed digest, so QGIS's many tile and feature
/// requests do not each pay for PBKDF2; a new password or holder (security stamp) forgets it.
/// </summary>
public sealed class CredentialVerifier(AccountStore accounts, ApiTokenStore tokens, ILogger<CredentialVerifier> logger)
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(5);

    public const string WrongCredentials = "The user name or password is wrong.";

    private readonly byte[] cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<long, Remembered> verified = new();

    public async Task<SignInResult> VerifyPasswordAsync(string userName, string password, SignInMethod method, ClientInfo client, CancellationToken ct)
    {
        // A name no account can have (too long, control characters) is an unknown name: never looked up.
        var state = string.IsNullOrWhiteSpace(userName) || userName.Length > 100 || EnvGis.Core.Text.TextCheck.Problem(userName) is not null
            ? null
            : await accounts.FindByNameAsync(userName, ct);
        if (state is null)
        {
            Passwords.Verify(null, password, out _);
            return await FailAsync(userName, null, method, WrongCredentials, client, ct);
        }

        var account = state.Account;
        if (Refusal(state) is { } refusal)
        {
            return await FailAsync(account.UserName, account.Id, method, refusal, client, ct, lockedOut: state.LockedUntil > DateTime.UtcNow);
        }

        var digest = Digest(password);
        if (method == SignInMethod.Basic && verified.TryGetValue(account.Id, out var known)
            && known.Stamp == state.SecurityStamp && known.Until > DateTime.UtcNow && CryptographicOperations.FixedTimeEquals(known.Digest, digest))
        {
            return SignInResult.Success(state);
        }

        if (!Passwords.Verify(state.PasswordHash, password, out var rehash))
        {
            verified.TryRemove(account.Id, out _);
            var lockedUntil = await accounts.RecordFailureAsync(account.Id, ct);
            return await FailAsync(account.UserName, account.Id, method,
                lockedUntil is { } until ? Locked(until) : WrongCredentials, client, ct, lockedOut: lockedUntil is not null);
        }

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
            return await FailAsync(name, null, SignInMethod.Bearer, "The API token is not valid.", client, ct);
        }

        var state = await accounts.FindByIdAsync(token.UserId, ct);
        var failure = token.IsRevoked ? "The API token was revoked."
            : token.IsExpired(DateTime.UtcNow) ? "The API token has expired."
            : state is null ? "The API token is not valid."
            : Refusal(state, ignoreLockout: true);
        if (failure is not null || state is null)
        {
            return await FailAsync(state?.Account.UserName ?? name, state?.Account.Id, SignInMethod.Bearer, failure!, client, ct);
        }

        if (await tokens.TouchAsync(token.Id, ct))
        {
            await accounts.RecordSuccessAsync(state.Account.Id, null, ct);
            await accounts.LogSignInAsync(state.Account.UserName, state.Account.Id, SignInMethod.Bearer, true, null, client, ct);
        }

        return SignInResult.Success(state);
    }

    /// <summary>Why an existing account may not sign in now, or null.</summary>
    public static string? Refusal(AccountState state, bool ignoreLockout = false)
    {
        if (state.Disabled)
        {
            return "The account is disabled.";
        }

        return !ignoreLockout && state.LockedUntil is { } until && until > DateTime.UtcNow ? Locked(until) : null;
    }

    private static string Locked(DateTime until) =>
        $"The account is locked after {AccountStore.LockoutThreshold} failed attempts until {until:yyyy-MM-dd HH:mm} UTC.";

    private async Task<SignInResult> FailAsync(string userName, long? userId, SignInMethod method, string failure, ClientInfo client,
        CancellationToken ct, bool lockedOut = false)
    {
        await accounts.LogSignInAsync(userName.Trim(), userId, method, false, failure, client, ct);
        logger.LogWarning("Failed sign-in ({Method}) for {User} from {Address}: {Failure}", method, userName, client.RemoteAddress, failure);
        return SignInResult.Fail(failure, lockedOut);
    }

    private byte[] Digest(string password) => HMACSHA256.HashData(cacheKey, Encoding.UTF8.GetBytes(password));

    private sealed record Remembered(Guid Stamp, byte[] Digest, DateTime Until);
}
