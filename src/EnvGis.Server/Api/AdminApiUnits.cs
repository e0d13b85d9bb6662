using System.Text.RegularExpressions;
using EnvGis.Core.Security;
using EnvGis.Data.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace EnvGis.Server.Api;

/// <summary>The administrator's editing of units and of accounts without a handover.</summary>
public static partial class AdminApi
{
    private const int MaxUnitName = 200;

    private static async Task<IResult> CreateUnitAsync([FromBody] UnitRequest request, HttpContext context, UnitStore units)
    {
        var code = (request.Code ?? "").Trim();
        if (!UnitCodePattern().IsMatch(code))
        {
            return Invalid("code", "A unit code has 2–63 lower-case letters, digits and . _ - and starts with a letter or digit.");
        }

        if (await ValidateUnitAsync(request, null, context, units) is { } problem)
        {
            return problem;
        }

        var details = UnitDetailsOf(request, null);
        var created = await units.CreateAsync(code, details, Actor(context), context.RequestAborted);
        return created is null
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Unit code taken", detail: $"There is already a unit '{code}'.")
            : Results.Created($"/api/admin/units/{created.Code}", created);
    }

    private static async Task<IResult> UpdateUnitAsync(string code, [FromBody] UnitRequest request, HttpContext context, UnitStore units)
    {
        if (await units.FindAsync(code, context.RequestAborted) is not { } unit)
        {
            return UnknownUnit(code);
        }

        if (await ValidateUnitAsync(request, unit, context, units) is { } problem)
        {
            return problem;
        }

        var details = UnitDetailsOf(request, unit);
        if (details.Kind != unit.Kind)
        {
            var allowed = Roles.AllowedFor(UnitKinds.Parse(details.Kind)).Select(r => r.Name()).ToHashSet();
            var stranded = (await units.RolesInUseAsync(code, context.RequestAborted)).Where(r => !allowed.Contains(r)).ToList();
            if (stranded.Count > 0)
            {
                return Invalid("kind", $"The unit has {string.Join(", ", stranded)} accounts, which a {details.Kind} unit may not have; change them first.");
            }
        }

        return Results.Ok(await units.UpdateAsync(code, details, Actor(context), context.RequestAborted));
    }

    private static async Task<IResult> UpdateUserAsync(string userName, [FromBody] UpdateUserRequest request, HttpContext context,
        UserStore users, UnitStore units)
    {
        var ct = context.RequestAborted;
        if (await users.FindAsync(userName, ct) is not { } user)
        {
            return UnknownUser(userName);
        }

        if (user.Role == Role.Administrator.Name())
        {
            return Invalid("role", "The administrator's account is not changed here.");
        }

        if (await units.FindAsync(request.Unit ?? user.UnitCode, ct) is not { } unit)
        {
            return Invalid("unit", $"There is no unit '{request.Unit}'.");
        }

        if (!Roles.TryParse(request.Role ?? user.Role, out var role) || role == Role.Administrator || !Roles.AllowedFor(unit.Unit.Kind).Contains(role))
        {
            var allowed = Roles.AllowedFor(unit.Unit.Kind).Where(r => r != Role.Administrator).Select(r => r.Name());
            return Invalid("role", $"A {unit.Kind} unit's accounts may be: {string.Join(", ", allowed)} (there is one administrator).");
        }

        var clientCanWrite = request.ClientCanWrite ?? (user.ClientCanWrite && role == Role.Client);
        if (clientCanWrite && role != Role.Client)
        {
            return Invalid("clientCanWrite", "Only client accounts have a read-write grant; the other roles write by their role.");
        }

        var contact = request.HolderContact is null ? user.HolderContact : Trim(request.HolderContact);
        if (contact is { Length: > 200 })
        {
            return Invalid("holderContact", "The contact is at most 200 characters.");
        }

        var updated = await users.UpdateAsync(user.Id, new UserChanges(unit.Code, role, contact, clientCanWrite), Actor(context), ct);
        return updated is null ? UnknownUser(userName) : Results.Ok(updated);
    }

    /// <summary>The refusal of a unit's names, kind, commune or self-approval (merged with <paramref name="existing"/>), or null.</summary>
    private static async Task<IResult?> ValidateUnitAsync(UnitRequest request, UnitSummary? existing, HttpContext context, UnitStore units)
    {
        foreach (var (field, value) in new[] { ("nameVi", request.NameVi ?? existing?.NameVi), ("nameEn", request.NameEn ?? existing?.NameEn) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxUnitName)
            {
                return Invalid(field, $"Give the unit's name in Vietnamese and English (at most {MaxUnitName} characters).");
            }
        }

        var kindName = request.Kind ?? existing?.Kind;
        if (kindName is null || !Enum.GetValues<UnitKind>().Any(k => k.Name() == kindName))
        {
            return Invalid("kind", $"The kind is one of: {string.Join(", ", Enum.GetValues<UnitKind>().Select(k => k.Name()))}.");
        }

        var kind = UnitKinds.Parse(kindName);
        var commune = CommuneOf(request, existing);
        if (kind == UnitKind.Commune && commune is null)
        {
            return Invalid("communeCode", "A commune unit names the commune it governs.");
        }

        if (kind is not (UnitKind.Commune or UnitKind.Enterprise) && commune is not null)
        {
            return Invalid("communeCode", "Only communes and enterprises have a commune.");
        }

        if (commune is not null && (await units.UnknownCommunesAsync([commune], context.RequestAborted)).Count > 0)
        {
            return Invalid("communeCode", $"There is no commune '{commune}'.");
        }

        if ((request.SelfApprove ?? existing?.SelfApprove ?? false) && !kind.IsCityLevel())
        {
            return Invalid("selfApprove", "Only city units may approve their own records; a commune's are approved by its chairman (Art. 7.2a).");
        }

        return null;
    }

    private static UnitDetails UnitDetailsOf(UnitRequest request, UnitSummary? existing)
    {
        var kind = request.Kind ?? existing!.Kind;
        var selfApprove = UnitKinds.Parse(kind).IsCityLevel() && (request.SelfApprove ?? existing?.SelfApprove ?? false);
        return new UnitDetails((request.NameVi ?? existing!.NameVi).Trim(), (request.NameEn ?? existing!.NameEn).Trim(), kind,
            CommuneOf(request, existing), selfApprove);
    }

    private static string? CommuneOf(UnitRequest request, UnitSummary? existing) =>
        request.CommuneCode is null ? existing?.CommuneCode : Trim(request.CommuneCode);

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{1,62}$")]
    private static partial Regex UnitCodePattern();
}
