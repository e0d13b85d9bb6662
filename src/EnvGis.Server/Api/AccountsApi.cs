using EnvGis.Core.Security;
using EnvGis.Data.Accounts;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace EnvGis.Server.Api;

/// <summary>
/// The signed-in user's own account: the antiforgery token, cookie sign-in and sign-out for the
/// portal, who am I, and changing one's password.
/// </summary>
public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account").WithTags("Account");
        api.MapGet("/antiforgery", GetAntiforgery)
            .WithSummary("An antiforgery token for the portal: send it in the X-CSRF-TOKEN header with the sign-in and every change.");
        api.MapPost("/sign-in", SignInAsync).AddEndpointFilter(new AntiforgeryFilter(always: true))
            .WithSummary("Portal sign-in with user name and password: sets the session cookie.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/sign-out", SignOutAsync).AddEndpointFilter(new AntiforgeryFilter())
            .WithSummary("Ends the portal session.");
        api.MapGet("/me", GetMe)
            .WithSummary("The signed-in account, its unit and what it may edit where; null for anonymous callers "
                         + "(401 only when the credentials sent are refused or the session cookie has ended).")
            .Produces<AccountResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/password", ChangePasswordAsync).AddEndpointFilter(new AntiforgeryFilter())
            .WithSummary("Changes one's own password; every session of the account ends.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static AntiforgeryTokenResponse GetAntiforgery(HttpContext context, IAntiforgery antiforgery) =>
        new(antiforgery.GetAndStoreTokens(context).RequestToken!, SecurityServices.AntiforgeryHeader);

    private static async Task<IResult> SignInAsync(
        [FromBody] SignInRequest request, HttpContext context, CredentialVerifier verifier, SessionStore sessions,
        IAntiforgery antiforgery, CatalogueProvider catalogue)
    {
        var result = await verifier.VerifyPasswordAsync(request.UserName ?? "", request.Password ?? "", SignInMethod.Password,
            context.ClientInfo(), context.RequestAborted);
        if (!result.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: result.Failure,
                extensions: new Dictionary<string, object?> { ["code"] = "sign-in-failed" });
        }

        var account = result.State!.Account;
        var (session, expires) = await sessions.CreateAsync(account.Id, context.ClientInfo(), context.RequestAborted);
        var principal = CallerPrincipal.For(account, AuthenticationSchemes.Cookie, session);
        await context.SignInAsync(AuthenticationSchemes.Cookie, principal, new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = DateTime.SpecifyKind(expires, DateTimeKind.Utc),
        });

        // The antiforgery token is bound to the user: give the portal the signed-in one.
        context.User = principal;
        var token = antiforgery.GetAndStoreTokens(context).RequestToken!;
        return Results.Ok(new SignInResponse(AccountResponse.From(account, catalogue), token));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SessionStore sessions)
    {
        if (CookieSessions.SessionOf(context) is { } session)
        {
            await sessions.EndAsync(session, "sign-out", context.RequestAborted);
        }

        await context.SignOutAsync(AuthenticationSchemes.Cookie);
        return Results.NoContent();
    }

    /// <summary>
    /// Who is signed in. Anonymous visitors get 200 with null (asking is not an error for the public
    /// map); a session cookie that no longer holds a session is 401, so the portal can say it ended.
    /// </summary>
    private static IResult GetMe(HttpContext context, CatalogueProvider catalogue) => context.GetCaller() switch
    {
        { } caller => Results.Ok(AccountResponse.From(caller.Account, catalogue)),
        null when context.Request.Cookies.ContainsKey(SecurityServices.SessionCookie) =>
            Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in",
                detail: "The session has ended; sign in again."),
        _ => Results.Text("null", "application/json"),
    };

    private static async Task<IResult> ChangePasswordAsync(
        [FromBody] ChangePasswordRequest request, HttpContext context, CredentialVerifier verifier, UserStore users)
    {
        if (context.GetCaller() is not { } caller)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");
        }

        var account = caller.Account;
        if (Passwords.Problem(request.NewPassword, account.UserName) is { } problem)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Password not acceptable", detail: problem);
        }

        var check = await verifier.VerifyPasswordAsync(account.UserName, request.CurrentPassword ?? "", SignInMethod.Password,
            context.ClientInfo(), context.RequestAborted);
        if (!check.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Current password wrong", detail: check.Failure);
        }

        await users.SetPasswordAsync(account.Id, request.NewPassword!, account.UserName, "password changed by its holder", context.RequestAborted);
        await context.SignOutAsync(AuthenticationSchemes.Cookie);
        return Results.NoContent();
    }
}

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record SignInResponse(AccountResponse Account, string AntiforgeryToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record AntiforgeryTokenResponse(string Token, string HeaderName);

/// <summary>An account as its holder sees it: unit, role, and what it may edit where.</summary>
public sealed record AccountResponse(
    string UserName, string Role, string? HolderName, UnitResponse Unit, bool CanWrite, IReadOnlyList<string> EditableLayers,
    AreaResponse? Area)
{
    public static AccountResponse From(Account account, CatalogueProvider catalogue)
    {
        var write = account.WriteScope;
        return new AccountResponse(
            account.UserName, account.Role.Name(), account.HolderName, UnitResponse.From(account.Unit), account.CanWrite,
            write.EditableAmong(catalogue.Current.Layers.Select(l => l.Name)).ToList(), AreaResponse.From(write.Area));
    }
}

public sealed record UnitResponse(string Code, string Kind, string? CommuneCode, bool SelfApprove, string NewRecordStatus)
{
    public static UnitResponse From(Unit unit) => new(unit.Code, unit.Kind.Name(), unit.CommuneCode, unit.SelfApprove, unit.NewRecordStatus);
}

/// <summary>A spatial scope: the whole city, or a list of communes.</summary>
public sealed record AreaResponse(bool WholeCity, IReadOnlyList<string> Communes)
{
    public static AreaResponse? From(SpatialScope? area) => area is null ? null : new(area.WholeCity, area.Communes);
}
