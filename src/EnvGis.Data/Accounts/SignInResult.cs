namespace EnvGis.Data.Accounts;

/// <summary>The outcome of checking credentials: the account, or a message fit to show the caller.</summary>
public sealed record SignInResult(AccountState? State, string? Failure, bool LockedOut = false)
{
    public bool Succeeded => State is not null;

    public static SignInResult Success(AccountState state) => new(state, null);

    public static SignInResult Fail(string message, bool lockedOut = false) => new(null, message, lockedOut);
}
