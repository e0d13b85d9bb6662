using System.Text;
using System.Text.Encodings.Web;
using EnvGis.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EnvGis.Server.Security;

/// <summary>
/// HTTP Basic (RFC 7617), as QGIS and GDAL send it with every request: the password is checked by
/// <see cref="CredentialVerifier"/> (lockout, sign-in log). A refused header makes the request fail
/// with 401 rather than quietly continue as anonymous.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("Only HTTP Basic and Bearer authorization are supported.");
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return Refuse("The Basic credentials are not valid base64 UTF-8 text.");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return Refuse("The Basic credentials must be user:password.");
        }

        var result = await verifier.VerifyPasswordAsync(decoded[..colon], decoded[(colon + 1)..], SignInMethod.Basic, Context.ClientInfo(), Context.RequestAborted);
        if (!result.Succeeded)
        {
            return Refuse(result.Failure!, result.LockedOut);
        }

        Context.Features.Set(new Caller(result.State!, SignInMethod.Basic));
        return AuthenticateResult.Success(new AuthenticationTicket(CallerPrincipal.For(result.State!.Account, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{AuthenticationSchemes.Realm}\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private AuthenticateResult Refuse(string message, bool lockedOut = false)
    {
        Context.Features.Set(new CredentialFailure(message, lockedOut));
        return AuthenticateResult.Fail(message);
    }
}
