using EnvGis.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EnvGis.Server.Security;

/// <summary>
/// The portal's sign-in cookie names a server-side session: every request checks it is still open
/// (sign-out, password change, handover and disabling end sessions) and loads the account afresh.
/// </summary>
public static class CookieSessions
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var accounts = http.RequestServices.GetRequiredService<AccountStore>();
        var state = Guid.TryParse(context.Principal?.FindFirst(AuthenticationSchemes.SessionClaim)?.Value, out var session)
            ? await accounts.FindBySessionAsync(session, http.RequestAborted)
            : null;
        if (state is null || CredentialVerifier.Refusal(state) is not null)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(AuthenticationSchemes.Cookie);
            return;
        }

        http.Features.Set(new Caller(state, SignInMethod.Password));
        context.ReplacePrincipal(CallerPrincipal.For(state.Account, AuthenticationSchemes.Cookie, session));
    }

    /// <summary>The session id of the signed-in portal user, if any.</summary>
    public static Guid? SessionOf(HttpContext context) =>
        Guid.TryParse(context.User.FindFirst(AuthenticationSchemes.SessionClaim)?.Value, out var id) ? id : null;
}
