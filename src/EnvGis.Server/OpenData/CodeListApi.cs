using EnvGis.Data.Exchange;
using EnvGis.Server.Security;

namespace EnvGis.Server.OpenData;

/// <summary>
/// The shared category lists (danh mục dùng chung, docs/open-data.md "Shared category lists"): anyone reads
/// the lists and any version of them; the administrator publishes a new version (a whole new list of
/// entries; published versions never change).
/// </summary>
public static class CodeListApi
{
    public const int MaxCodeLength = 100;
    public const int MaxLabelLength = 500;
    public const int MaxNoteLength = 1000;

    public static void MapCodeListApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/exchange/code-lists").WithTags("Exchange");
        read.MapGet("/", async (HttpContext context, CodeListStore store) =>
            {
                Public(context);
                return await store.ListAsync(context.RequestAborted);
            })
            .WithSummary("Every shared category list with its current version.");
        read.MapGet("/{code}", ReadAsync).WithSummary("A version of a list (default: the current one) with its entries in order.")
            .Produces<CodeListVersion>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/exchange/code-lists/{code}/versions", PublishAsync).WithTags("Exchange")
            .RequireAuthorization(SecurityServices.AdministratorPolicy)
            .AddEndpointFilter(new AntiforgeryFilter())
            .WithSummary("Publishes the next version of a list (administrator): every entry of the new version and a note.")
            .Produces<CodeListVersion>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The lists are the same for everyone: shared caches may keep them a minute.</summary>
    private static void Public(HttpContext context) => context.Response.Headers.CacheControl = "public, max-age=60";

    private static async Task<IResult> ReadAsync(string code, string? version, HttpContext context, CodeListStore store)
    {
        int? number = null;
        if (version is not null)
        {
            if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return OpenDataProblems.Invalid("invalid-version", "version is a whole number from 1.", "version");
            }

            number = parsed;
        }

        if (await store.ReadAsync(code, number, context.RequestAborted) is not { } list)
        {
            return OpenDataProblems.Problem(StatusCodes.Status404NotFound, "unknown-code-list",
                number is null ? $"There is no published code list '{Shorten(code)}'." : $"Code list '{Shorten(code)}' has no version {number}.", "code");
        }

        Public(context);
        return Results.Ok(list);
    }

    private static async Task<IResult> PublishAsync(string code, CodeListVersionRequest request, HttpContext context, CodeListStore store)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (await store.FindAsync(code, context.RequestAborted) is null)
        {
            return OpenDataProblems.Problem(StatusCodes.Status404NotFound, "unknown-code-list", $"There is no code list '{Shorten(code)}'.", "code");
        }

        if (Check(request) is { } problem)
        {
            return problem;
        }

        var items = request.Items!.Select(i => new CodeListItem(i.Code!.Trim(), i.LabelVi!.Trim(), i.LabelEn!.Trim(), string.IsNullOrWhiteSpace(i.Parent) ? null : i.Parent.Trim())).ToList();
        var user = context.GetCaller()!.Account.UserName;
        var number = await store.PublishAsync(code, items, user, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), context.RequestAborted);
        var published = await store.ReadAsync(code, number, context.RequestAborted);
        return Results.Created($"/api/exchange/code-lists/{code}?version={number}", published);
    }

    /// <summary>
    /// Refuses a version that is empty, too large, has blank, duplicate or over-long codes or labels, or unknown parents
    /// (control characters are refused for every request before it gets here: code invalid-text).
    /// </summary>
    private static IResult? Check(CodeListVersionRequest request)
    {
        if (request.Items is not { Count: > 0 } items || items.Count > CodeListStore.MaxItems)
        {
            return OpenDataProblems.Invalid("invalid-items", $"items holds 1 to {CodeListStore.MaxItems} entries.", "items");
        }

        if (request.Note is { } note && (note.Length > MaxNoteLength))
        {
            return OpenDataProblems.Invalid("invalid-note", $"note has at most {MaxNoteLength} characters.", "note");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var field = $"items[{i}]";
            if (string.IsNullOrWhiteSpace(item.Code) || item.Code.Trim().Length > MaxCodeLength)
            {
                return OpenDataProblems.Invalid("invalid-code", $"{field}.code is required, at most {MaxCodeLength} characters.", field + ".code");
            }

            if (!codes.Add(item.Code.Trim()))
            {
                return OpenDataProblems.Invalid("duplicate-code", $"{field}.code '{Shorten(item.Code)}' appears twice.", field + ".code");
            }

            foreach (var (label, name) in new[] { (item.LabelVi, "labelVi"), (item.LabelEn, "labelEn") })
            {
                if (string.IsNullOrWhiteSpace(label) || label.Length > MaxLabelLength)
                {
                    return OpenDataProblems.Invalid("invalid-label", $"{field}.{name} is required, at most {MaxLabelLength} characters.", $"{field}.{name}");
                }
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(items[i].Parent) && !codes.Contains(items[i].Parent!.Trim()))
            {
                return OpenDataProblems.Invalid("unknown-parent", $"items[{i}].parent names no entry of this version.", $"items[{i}].parent");
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
