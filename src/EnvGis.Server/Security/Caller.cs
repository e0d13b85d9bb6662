using EnvGis.Core.Security;
using EnvGis.Data.Accounts;

namespace EnvGis.Server.Security;

/// <summary>
/// The authenticated caller of a request (a request feature set by the authentication handlers):
/// its account, how it authenticated, and the scopes every read and write channel uses.
/// </summary>
public sealed class Caller(AccountState state, SignInMethod method)
{
    public AccountState State { get; } = state;

    public Account Account => State.Account;

    public SignInMethod Method { get; } = method;

    public ReadScope ReadScope { get; } = state.Account.ReadScope;

    public WriteScope WriteScope { get; } = state.Account.WriteScope;

    /// <summary>Cookie sessions are the portal; HTTP Basic and tokens are API clients.</summary>
    public bool IsPortalSession => Method == SignInMethod.Password;
}
