using EnvGis.Core.Compliance;
using EnvGis.Core.Reports;
using EnvGis.Core.Security;
using EnvGis.Data.Compliance;
using EnvGis.Data.Notices;
using EnvGis.Server.Notices;
using EnvGis.Server.Reports;
using EnvGis.Server.Security;

namespace EnvGis.Server.Compliance;

/// <summary>
/// Monthly update compliance (Art. 6.2, 7.2a, 11.1e; docs/operations.md "Monthly update compliance"):
/// one month for every obliged unit, the Department's board of units × months, a unit's own
/// obligations, and its "no change this month" declaration. The Department (its accounts and the
/// administrator) sees every unit; any other unit only itself.
/// </summary>
public static class ComplianceApi
{
    /// <summary>The most months the board spans.</summary>
    public const int MaxBoardMonths = 24;

    public static void MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/compliance").WithTags("Reports")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("", MonthAsync)
            .WithSummary("One row per obliged unit for a month (default: this month): status on-time|late|missing|declared-no-change, last update, "
                         + "records changed by layer, edits waiting for approval; late ones first. Filters: kind, commune, unit.")
            .Produces<IReadOnlyList<ComplianceRow>>();
        api.MapGet("/board", BoardAsync)
            .WithSummary("The Department's board: obliged units × months (from..to, YYYY-MM, at most 24; default the last 6), units with late or overdue months first.")
            .Produces<BoardResponse>();
        api.MapGet("/mine", MineAsync)
            .WithSummary("The caller's unit: whether it owes monthly updates, this month's deadline, its last months and its reminders.")
            .Produces<ObligationsResponse>();
        api.MapPost("/declarations", DeclareAsync).AddEndpointFilter(new AntiforgeryFilter())
            .WithSummary("The caller's unit declares \"no change this month\" (month YYYY-MM, not in the future) with a comment.")
            .Produces<UpdateDeclaration>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The Department's accounts and the administrator see every unit.</summary>
    private static bool SeesAll(Account account) => account.IsAdministrator || account.Unit.Kind == UnitKind.Department;

    private static async Task<IResult> MonthAsync(string? month, string? kind, string? commune, string? unit, HttpContext context,
        ComplianceStore store, NoticeSettings settings, TimeProvider clock)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("read the compliance board");
        }

        var now = clock.GetUtcNow();
        if (ParseMonth(month, now, settings, "month") is not { } parsed)
        {
            return BadMonth("month");
        }

        if (CheckFilters(kind, commune, unit) is { } refusal)
        {
            return refusal;
        }

        ReportProblems.Private(context);
        var who = SeesAll(caller.Account) ? unit : caller.Account.Unit.Code;
        return Results.Ok(await store.MonthAsync(parsed, now, who, kind, commune, context.RequestAborted));
    }

    private static async Task<IResult> BoardAsync(string? from, string? to, string? kind, string? commune, HttpContext context,
        ComplianceStore store, NoticeSettings settings, TimeProvider clock)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("read the compliance board");
        }

        var now = clock.GetUtcNow();
        var current = ComplianceMonth.Containing(now, settings.DeadlineDay);
        var last = to is null ? current : ParseMonth(to, now, settings, "to");
        if (last is null)
        {
            return BadMonth("to");
        }

        var first = from is null ? Back(last, 5) : ParseMonth(from, now, settings, "from");
        if (first is null)
        {
            return BadMonth("from");
        }

        var span = (last.First.Year - first.First.Year) * 12 + last.First.Month - first.First.Month + 1;
        if (span < 1 || span > MaxBoardMonths)
        {
            return ReportProblems.Invalid("invalid-range", $"from is not after to, and the board spans at most {MaxBoardMonths} months.", "from");
        }

        if (CheckFilters(kind, commune, null) is { } refusal)
        {
            return refusal;
        }

        ReportProblems.Private(context);
        var who = SeesAll(caller.Account) ? null : caller.Account.Unit.Code;
        var months = new List<ComplianceMonth>();
        for (var m = first; months.Count < span; m = m.Next)
        {
            months.Add(m);
        }

        var cells = new Dictionary<string, List<(ComplianceRow Row, int Index)>>(StringComparer.Ordinal);
        for (var i = 0; i < months.Count; i++)
        {
            foreach (var row in await store.MonthAsync(months[i], now, who, kind, commune, context.RequestAborted))
            {
                (cells.TryGetValue(row.Unit, out var list) ? list : cells[row.Unit] = []).Add((row, i));
            }
        }

        var units = cells.Values.Select(list =>
            {
                var any = list[0].Row;
                var months = list.OrderBy(c => c.Index).Select(c => new BoardCell(c.Row.Month, c.Row.Status, c.Row.Overdue, c.Row.LastUpdate,
                    c.Row.Changes.Sum(x => x.Records), c.Row.PendingApproval)).ToList();
                return new BoardUnit(any.Unit, any.UnitNameVi, any.UnitNameEn, any.Kind, any.Commune,
                    months.Count(m => m.Status == ComplianceStatus.Late), months.Count(m => m.Overdue), months);
            })
            .OrderByDescending(u => u.Late + u.Overdue).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        return Results.Ok(new BoardResponse(months.Select(m => m.Key).ToList(), settings.DeadlineDay, units));
    }

    private static async Task<IResult> MineAsync(int? months, HttpContext context, ComplianceStore store, ReminderStore reminders,
        NoticeSettings settings, TimeProvider clock)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("read your unit's obligations");
        }

        if (months is < 1 or > MaxBoardMonths)
        {
            return ReportProblems.Invalid("invalid-months", $"months is 1–{MaxBoardMonths}.", "months");
        }

        ReportProblems.Private(context);
        var now = clock.GetUtcNow();
        var unit = caller.Account.Unit.Code;
        var current = ComplianceMonth.Containing(now, settings.DeadlineDay);
        var obliged = await store.FindObligedAsync(unit, context.RequestAborted) is not null;
        var rows = new List<ComplianceRow>();
        var month = current;
        for (var i = 0; obliged && i < (months ?? 6); i++, month = month.Previous)
        {
            rows.AddRange(await store.MonthAsync(month, now, unit, null, null, context.RequestAborted));
        }

        return Results.Ok(new ObligationsResponse(unit, obliged, settings.DeadlineDay, current.Key, current.Deadline.UtcDateTime, rows,
            await reminders.ListAsync(unit, null, 20, context.RequestAborted)));
    }

    private static async Task<IResult> DeclareAsync(DeclarationRequest request, HttpContext context, ComplianceStore store, NoticeSettings settings,
        TimeProvider clock)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ReportProblems.NotSignedIn("declare that nothing changed");
        }

        if (caller.Account.Role is not (Role.Editor or Role.Approver) || !caller.Account.CanWrite)
        {
            return ReportProblems.Forbidden("not-allowed", "Only a unit's editors and approvers declare for it.");
        }

        if (await store.FindObligedAsync(caller.Account.Unit.Code, context.RequestAborted) is null)
        {
            return ReportProblems.Forbidden("not-obliged",
                $"Unit {caller.Account.Unit.Code} owes no monthly update (only city departments, the Economic Zone Authority and communes with a granted layer do).");
        }

        var now = clock.GetUtcNow();
        if (ParseMonth(request.Month, now, settings, "month") is not { } month)
        {
            return BadMonth("month");
        }

        if (month.First > ComplianceMonth.Containing(now, settings.DeadlineDay).First)
        {
            return ReportProblems.Invalid("month-in-future", $"{month.Key} has not begun: declare a month only once it is under way or over.", "month");
        }

        var comment = request.Comment?.Trim() ?? "";
        if (comment.Length is 0 or > 2000 || ReportForm.HasControl(comment))
        {
            return ReportProblems.Invalid("invalid-comment", "Say in a comment (1–2000 characters, no control characters) why nothing changed.", "comment");
        }

        var (outcome, declaration) = await store.DeclareAsync(caller.Account.Unit.Code, month, comment, caller.Account.UserName, context.RequestAborted);
        return outcome switch
        {
            DeclarationOutcome.Declared => Results.Created($"/api/compliance?month={month.Key}", declaration),
            DeclarationOutcome.AlreadyDeclared => ReportProblems.Problem(StatusCodes.Status409Conflict, "already-declared",
                $"Unit {caller.Account.Unit.Code} already declared {month.Key}."),
            _ => ReportProblems.Problem(StatusCodes.Status409Conflict, "already-updated",
                $"Unit {caller.Account.Unit.Code} changed records in {month.Key}: it cannot declare that nothing changed."),
        };
    }

    private static ComplianceMonth? ParseMonth(string? text, DateTimeOffset now, NoticeSettings settings, string field)
    {
        if (text is null)
        {
            return ComplianceMonth.Containing(now, settings.DeadlineDay);
        }

        try
        {
            var month = ComplianceMonth.Parse(text, settings.DeadlineDay);
            return month.First.Year > 9998 ? null : month;
        }
        catch (FormatException)
        {
            _ = field;
            return null;
        }
    }

    private static ComplianceMonth Back(ComplianceMonth month, int count)
    {
        for (var i = 0; i < count; i++)
        {
            month = month.Previous;
        }

        return month;
    }

    private static IResult BadMonth(string field) =>
        ReportProblems.Invalid("invalid-month", $"{field} is a month written YYYY-MM (2000-01 to 9998-12).", field);

    private static IResult? CheckFilters(string? kind, string? commune, string? unit)
    {
        if (kind is not null && !ObligedUnits.KindNames.Contains(kind))
        {
            return ReportProblems.Invalid("invalid-kind", $"kind is one of {string.Join(", ", ObligedUnits.KindNames)}.", "kind");
        }

        foreach (var (name, value) in new[] { ("commune", commune), ("unit", unit) })
        {
            if (value is { Length: > 64 } || (value is not null && ReportForm.HasControl(value)))
            {
                return ReportProblems.Invalid("invalid-" + name, $"{name} is a code of at most 64 characters.", name);
            }
        }

        return null;
    }
}
