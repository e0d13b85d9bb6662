using EnvGis.Core.Security;
using EnvGis.Server.Security;

namespace EnvGis.Server.OpenData;

/// <summary>Who may use the exchange (Art. 11.2): connection accounts (role client) and the administrator.</summary>
public static class ExchangeAccess
{
    /// <summary>A refusal (401 not signed in, 403 not a client) or null when the caller may go on.</summary>
    public static IResult? Refusal(HttpContext context, string what)
    {
        if (context.GetCaller() is not { } caller)
        {
            return OpenDataProblems.Problem(StatusCodes.Status401Unauthorized, "not-signed-in",
                $"Send HTTP Basic or a bearer token of a connection (client) account to {what}.");
        }

        return caller.Account.Role is Role.Client or Role.Administrator
            ? null
            : OpenDataProblems.Problem(StatusCodes.Status403Forbidden, "not-a-client", $"Only connection (client) accounts and the administrator may {what}.");
    }
}
