using System.Text.RegularExpressions;
using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Accounts;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;
using Microsoft.AspNetCore.Mvc;

namespace EnvGis.Server.Api;

/// <summary>
/// The administrator's work (Art. 4, 10, 11): accounts and their custody, API tokens, unit scopes,
/// the account review and the sign-in log. Every endpoint needs the administrator.
/// </summary>
public static partial class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Administration")
            .RequireAuthorization(SecurityServices.AdministratorPolicy)
            .AddEndpointFilter(new AntiforgeryFilter())
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/users", (string? unit, UserStore users, CancellationToken ct) => users.ListAsync(unit, ct))
            .WithSummary("Accounts, optionally of one unit.");
        api.MapPost("/users", CreateUserAsync).WithSummary("Creates an account; a generated password is returned once.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/users/{userName}", async (string userName, UserStore users, CancellationToken ct) =>
            await users.FindAsync(userName, ct) is { } user ? Results.Ok(user) : UnknownUser(userName));
        api.MapPost("/users/{userName}/password", ResetPasswordAsync)
            .WithSummary("Sets a new password (generated when none is given, returned once); the account's sessions end.");
        api.MapPost("/users/{userName}/handover", HandOverAsync)
            .WithSummary("Hands the account to its new holder (Art. 4.3): new password, the old holder's sessions and tokens end.");
        api.MapGet("/users/{userName}/handovers", async (string userName, UserStore users, CancellationToken ct) =>
            await users.FindAsync(userName, ct) is { } user ? Results.Ok(await users.HandoversAsync(user.Id, ct)) : UnknownUser(userName))
            .WithSummary("The custody history of an account.");
        api.MapPost("/users/{userName}/disable", (string userName, HttpContext context, UserStore users) =>
            SetDisabledAsync(userName, true, context, users));
        api.MapPost("/users/{userName}/enable", (string userName, HttpContext context, UserStore users) =>
            SetDisabledAsync(userName, false, context, users));
        api.MapPost("/users/{userName}/unlock", async (string userName, HttpContext context, UserStore users) =>
            await users.FindAsync(userName, context.RequestAborted) is { } user
                && await users.UnlockAsync(user.Id, Actor(context), context.RequestAborted)
                ? Results.NoContent() : UnknownUser(userName));
        api.MapGet("/users/{userName}/tokens", async (string userName, UserStore users, ApiTokenStore tokens, CancellationToken ct) =>
            await users.FindAsync(userName, ct) is { } user ? Results.Ok(await tokens.ListAsync(user.Id, ct)) : UnknownUser(userName));
        api.MapPost("/users/{userName}/tokens", CreateTokenAsync)
            .WithSummary("Creates a bearer API token for a connection (client) account; the token is shown only in this response.");
        api.MapPost("/tokens/{id:long}/revoke", async (long id, HttpContext context, ApiTokenStore tokens) =>
            await tokens.RevokeAsync(id, Actor(context), "revoked by the administrator", context.RequestAborted)
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown token", detail: $"There is no unrevoked token {id}."));

        api.MapPut("/users/{userName}", UpdateUserAsync)
            .WithSummary("Changes an account's unit, role, holder contact or client write grant without a handover; a changed unit or role ends its sessions.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/units", (UnitStore units, CancellationToken ct) => units.ListAsync(ct)).WithSummary("Units with their scopes.");
        api.MapPost("/units", CreateUnitAsync)
            .WithSummary("Creates a unit: code, names (vi, en), kind, commune (communes: the one they govern) and self-approval (city units only).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/units/{code}", UpdateUnitAsync)
            .WithSummary("Changes a unit's names, kind, commune and self-approval (absent members stay as they are).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/units/{code}", async (string code, UnitStore units, CancellationToken ct) =>
            await units.FindAsync(code, ct) is { } unit ? Results.Ok(unit) : UnknownUnit(code));
        api.MapPut("/units/{code}/scope", SetScopeAsync)
            .WithSummary("Sets what a unit may edit: layers, spatial scope (whole city or communes; a commune's is its own polygon), "
                         + "the status its new records start in, and self-approval (city units only).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/account-review", (AccountReviewStore review, CancellationToken ct) => review.ReviewAsync(ct))
            .WithSummary("Accounts never used, unused for 90 days, without a named holder, and expired tokens (Art. 11.1d).");
        api.MapGet("/sign-ins", (string? user, int? limit, UserStore users, CancellationToken ct) =>
            users.SignInsAsync(user, Math.Clamp(limit ?? 200, 1, 5000), ct)).WithSummary("The sign-in log, newest first.");
    }

    private static async Task<IResult> CreateUserAsync([FromBody] CreateUserRequest request, HttpContext context, UserStore users, UnitStore units)
    {
        var name = AccountStore.Normalize(request.UserName ?? "");
        if (!UserNamePattern().IsMatch(name))
        {
            return Invalid("userName", "A user name has 2–63 lower-case letters, digits and . _ @ - and starts with a letter or digit.");
        }

        if (await units.FindAsync(request.Unit ?? "", context.RequestAborted) is not { } unit)
        {
            return Invalid("unit", $"There is no unit '{request.Unit}'.");
        }

        if (!Roles.TryParse(request.Role, out var role) || role == Role.Administrator || !Roles.AllowedFor(unit.Unit.Kind).Contains(role))
        {
            var allowed = Roles.AllowedFor(unit.Unit.Kind).Where(r => r != Role.Administrator).Select(r => r.Name());
            return Invalid("role", $"A {unit.Kind} unit's accounts may be: {string.Join(", ", allowed)} (there is one administrator).");
        }

        if (request.ClientCanWrite == true && role != Role.Client)
        {
            return Invalid("clientCanWrite", "Only client accounts have a read-write grant; the other roles write by their role.");
        }

        var password = request.Password;
        if (password is not null && Passwords.Problem(password, name) is { } problem)
        {
            return Invalid("password", problem);
        }

        var generated = password is null && role != Role.Client ? Passwords.Generate() : null;
        var created = await users.CreateAsync(
            new NewUser(name, unit.Code, role, Trim(request.HolderName), Trim(request.HolderContact), password ?? generated, request.ClientCanWrite == true),
            Actor(context), context.RequestAborted);
        return created is null
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "User name taken", detail: $"There is already an account '{name}'.")
            : Results.Created($"/api/admin/users/{created.UserName}", new CreatedUserResponse(created, generated));
    }

    private static async Task<IResult> ResetPasswordAsync(string userName, [FromBody] SetPasswordRequest? request, HttpContext context, UserStore users)
    {
        if (await users.FindAsync(userName, context.RequestAborted) is not { } user)
        {
            return UnknownUser(userName);
        }

        var password = request?.Password ?? Passwords.Generate();
        if (Passwords.Problem(password, user.UserName) is { } problem)
        {
            return Invalid("password", problem);
        }

        await users.SetPasswordAsync(user.Id, password, Actor(context), "reset by the administrator", context.RequestAborted);
        return Results.Ok(new PasswordResponse(request?.Password is null ? password : null));
    }

    private static async Task<IResult> HandOverAsync(string userName, [FromBody] HandoverRequest request, HttpContext context, UserStore users)
    {
        if (await users.FindAsync(userName, context.RequestAborted) is not { } user)
        {
            return UnknownUser(userName);
        }

        if (Trim(request.HolderName) is not { } holder)
        {
            return Invalid("holderName", "Name the person who takes over the account.");
        }

        if (Trim(request.Reason) is not { } reason)
        {
            return Invalid("reason", "Say why the account is handed over (e.g. the holder changed job).");
        }

        var password = request.Password ?? Passwords.Generate();
        if (Passwords.Problem(password, user.UserName) is { } problem)
        {
            return Invalid("password", problem);
        }

        var handover = await users.HandOverAsync(user.Id, holder, Trim(request.HolderContact), reason, password, Actor(context), context.RequestAborted);
        return handover is null ? UnknownUser(userName) : Results.Ok(new HandoverResponse(handover, request.Password is null ? password : null));
    }

    private static async Task<IResult> SetDisabledAsync(string userName, bool disabled, HttpContext context, UserStore users)
    {
        if (await users.FindAsync(userName, context.RequestAborted) is not { } user)
        {
            return UnknownUser(userName);
        }

        return await users.SetDisabledAsync(user.Id, disabled, Actor(context), context.RequestAborted)
            ? Results.NoContent()
            : Invalid("userName", "The administrator account cannot be disabled.");
    }

    private static async Task<IResult> CreateTokenAsync(string userName, [FromBody] CreateTokenRequest request, HttpContext context,
        UserStore users, ApiTokenStore tokens)
    {
        if (await users.FindAsync(userName, context.RequestAborted) is not { } user)
        {
            return UnknownUser(userName);
        }

        if (user.Role != Role.Client.Name())
        {
            return Invalid("userName", "API tokens are for connection (client) accounts; people sign in with their password.");
        }

        if (Trim(request.Name) is not { } name)
        {
            return Invalid("name", "Name the token (what uses it).");
        }

        var days = request.ExpiresInDays ?? 90;
        if (days < 1 || days > ApiTokenStore.MaxLifetime.TotalDays)
        {
            return Invalid("expiresInDays", $"A token lives from 1 to {ApiTokenStore.MaxLifetime.TotalDays} days.");
        }

        var (info, secret) = await tokens.CreateAsync(user.Id, name, TimeSpan.FromDays(days), Actor(context), context.RequestAborted);
        return Results.Created($"/api/admin/users/{user.UserName}/tokens", new CreatedTokenResponse(info, secret));
    }

    private static async Task<IResult> SetScopeAsync(string code, [FromBody] UnitScopeRequest request, HttpContext context,
        UnitStore units, CatalogueProvider catalogue)
    {
        if (await units.FindAsync(code, context.RequestAborted) is not { } unit)
        {
            return UnknownUnit(code);
        }

        var kind = unit.Unit.Kind;
        if (request.Layers is { } layers && layers.Where(l => catalogue.Current.Find(l) is null).ToList() is { Count: > 0 } unknown)
        {
            return Invalid("layers", $"Unknown layers: {string.Join(", ", unknown)}.");
        }

        SpatialScope? area = null;
        if (request.WholeCity is not null || request.Communes is not null)
        {
            if (kind == UnitKind.Commune)
            {
                return Invalid("communes", "A commune's scope is always its own polygon.");
            }

            if (request.WholeCity == true)
            {
                area = SpatialScope.Everywhere;
            }
            else if (request.Communes is { Count: > 0 } communes)
            {
                if (await units.UnknownCommunesAsync(communes, context.RequestAborted) is { Count: > 0 } missing)
                {
                    return Invalid("communes", $"Unknown communes: {string.Join(", ", missing)}.");
                }

                area = SpatialScope.Of(communes);
            }
            else
            {
                return Invalid("communes", "Give wholeCity: true or a non-empty list of communes.");
            }
        }

        if (request.NewRecordStatus is { } status && status is not (RecordStatus.Draft or RecordStatus.Submitted))
        {
            return Invalid("newRecordStatus", "New records start as draft or submitted.");
        }

        if (request.SelfApprove == true && !kind.IsCityLevel())
        {
            return Invalid("selfApprove", "Only city units may approve their own records; a commune's are approved by its chairman (Art. 7.2a).");
        }

        await units.SetAsync(code, new UnitSettings(request.Layers, area, request.NewRecordStatus, request.SelfApprove), Actor(context),
            context.RequestAborted);
        return Results.Ok(await units.FindAsync(code, context.RequestAborted));
    }

    private static string Actor(HttpContext context) => context.GetCaller()?.Account.UserName ?? "unknown";

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IResult Invalid(string field, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field });

    private static IResult UnknownUser(string userName) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: $"There is no account '{userName}'.");

    private static IResult UnknownUnit(string code) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown unit", detail: $"There is no unit '{code}'.");

    [GeneratedRegex("^[a-z0-9][a-z0-9_.@-]{1,62}$")]
    private static partial Regex UserNamePattern();
}

public sealed record CreateUserRequest(
    string? UserName, string? Unit, string? Role, string? HolderName, string? HolderContact, string? Password, bool? ClientCanWrite);

/// <summary>The created account; <see cref="Password"/> only when it was generated (shown once).</summary>
public sealed record CreatedUserResponse(UserSummary User, string? Password);

public sealed record SetPasswordRequest(string? Password);

public sealed record PasswordResponse(string? Password);

public sealed record HandoverRequest(string? HolderName, string? HolderContact, string? Reason, string? Password);

public sealed record HandoverResponse(Handover Handover, string? Password);

public sealed record CreateTokenRequest(string? Name, int? ExpiresInDays);

/// <summary>A new token: <see cref="Token"/> is the secret, shown only here.</summary>
public sealed record CreatedTokenResponse(ApiTokenInfo Info, string Token);

public sealed record UnitScopeRequest(
    IReadOnlyList<string>? Layers, bool? WholeCity, IReadOnlyList<string>? Communes, string? NewRecordStatus, bool? SelfApprove);
