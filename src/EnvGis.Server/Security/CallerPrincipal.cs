using System.Globalization;
using System.Security.Claims;
using EnvGis.Core.Security;

namespace EnvGis.Server.Security;

/// <summary>The claims principal of an account: its id, user name, role and unit (and session, for cookies).</summary>
public static class CallerPrincipal
{
    public static ClaimsPrincipal For(Account account, string scheme, Guid? session = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.Role, account.Role.Name()),
            new(AuthenticationSchemes.UnitClaim, account.Unit.Code),
        };
        if (session is { } id)
        {
            claims.Add(new Claim(AuthenticationSchemes.SessionClaim, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
