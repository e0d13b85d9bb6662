using System.Text.Encodings.Web;
using EnvGis.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EnvGis.Server.Security;

/// <summary>Bearer API tokens of connection accounts: revoked, expired or unknown tokens fail the request with 401.</summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var result = await verifier.VerifyTokenAsync(header[7..].Trim(), Context.ClientInfo(), Context.RequestAborted);
        if (!result.Succeeded)
        {
            Context.Features.Set(new CredentialFailure(result.Failure!, false));
            return AuthenticateResult.Fail(result.Failure!);
        }

        Context.Features.Set(new Caller(result.State!, SignInMethod.Bearer));
        return AuthenticateResult.Success(new AuthenticationTicket(CallerPrincipal.For(result.State!.Account, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"{AuthenticationSchemes.Realm}\"";
        return Task.CompletedTask;
    }
}
