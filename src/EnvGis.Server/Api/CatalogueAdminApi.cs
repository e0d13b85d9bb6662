using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Catalogue;
using EnvGis.Data.Changes;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;

namespace EnvGis.Server.Api;

/// <summary>
/// The catalogue edited at run time by the administrator (Art. 10; docs/catalogue.md): layers, their
/// attributes and the categories' titles, without a restart, with the history of every change.
/// </summary>
public static class CatalogueAdminApi
{
    public static void MapCatalogueAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/catalogue").WithTags("Catalogue administration")
            .AddEndpointFilter(AdministratorOnly)
            .AddEndpointFilter(new AntiforgeryFilter())
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/layers", AddLayerAsync).Accepts<CatalogueLayerRequest>("application/json")
            .WithSummary("Adds a layer with its attributes: its table, history, tiles and default style exist at once on every node.")
            .Produces<LayerResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/layers/{layer}", ChangeLayerAsync).Accepts<CatalogueLayerRequest>("application/json")
            .WithSummary("Changes a layer's titles, abstract, category, public flag, label attribute or order (geometry type only while it has no records).")
            .Produces<LayerResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/layers/{layer}", RemoveLayerAsync)
            .WithSummary("Removes a layer from every channel at once; its table, with every record, moves to the archive schema (refused while report types, other layers' records or the server itself depend on it).")
            .Produces<RemovedLayerResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/layers/{layer}/attributes", AddAttributeAsync).Accepts<CatalogueAttributeRequest>("application/json")
            .WithSummary("Adds an attribute (a required one on a layer with records needs a default).")
            .Produces<LayerResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/layers/{layer}/attributes/{name}", ChangeAttributeAsync).Accepts<CatalogueAttributeRequest>("application/json")
            .WithSummary("Changes an attribute's type (every value must convert), required flag, allowed values and their labels, label or order.")
            .Produces<LayerResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/layers/{layer}/attributes/{name}", RemoveAttributeAsync)
            .WithSummary("Removes an attribute; its values are kept (catalogue.retired_values and the records' history).")
            .Produces<RetiredAttributeResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/categories/{id:int}", ChangeCategoryAsync).Accepts<CategoryTitleRequest>("application/json")
            .WithSummary("Changes the titles (vi, en) of an Article 5 category.")
            .Produces<Category>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/history", (string? layer, int? limit, CatalogueEditor editor, CancellationToken ct) =>
                editor.HistoryAsync(string.IsNullOrEmpty(layer) ? null : layer, Math.Clamp(limit ?? 200, 1, 5000), ct))
            .WithSummary("Every catalogue change, newest first (optionally of one layer): who, when, what, the entry before and after.");
    }

    private static async ValueTask<object?> AdministratorOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.GetCaller() switch
        {
            null => Problem(StatusCodes.Status401Unauthorized, "not-signed-in", "", "Sign in as the administrator to change the catalogue."),
            { Account.IsAdministrator: false } => Problem(StatusCodes.Status403Forbidden, "administrator-only", "",
                "Only the administrator changes the catalogue (Art. 10)."),
            _ => await next(context),
        };

    private static Task<IResult> AddLayerAsync(HttpContext context, CatalogueEditor editor, CatalogueProvider catalogue, ChangeFeed feed) =>
        ChangeAsync<CatalogueLayerRequest>(context, catalogue, feed, async (request, user, ct) =>
        {
            var name = request.Name?.Trim() ?? "";
            var attributes = (request.Attributes ?? []).Select((a, i) => AttributeSpecOf(a, $"attributes[{i}]")).ToList();
            var spec = new LayerSpec(
                name,
                request.Category ?? throw CatalogueRefusal.Invalid("unknown-category", "category", "Give the layer's category (1–11, Article 5)."),
                Geometry(request.GeometryType) ?? throw CatalogueRefusal.Invalid("invalid-geometry-type", "geometryType",
                    "Give the geometry type: Point, MultiLineString or MultiPolygon."),
                Clean(request.Title) ?? throw CatalogueRefusal.Invalid("invalid-title", "title", "Give the layer's title in Vietnamese and English."),
                Clean(request.Abstract) ?? new LocalizedText("", ""),
                request.Public is false,
                request.LabelAttribute?.Trim(),
                attributes);
            await editor.AddLayerAsync(spec, user, ct);
            return (StatusCodes.Status201Created, name);
        });

    private static Task<IResult> ChangeLayerAsync(string layer, HttpContext context, CatalogueEditor editor, CatalogueProvider catalogue, ChangeFeed feed) =>
        ChangeAsync<CatalogueLayerRequest>(context, catalogue, feed, async (request, user, ct) =>
        {
            if (request.Name is not null && request.Name != layer)
            {
                throw CatalogueRefusal.Invalid("name-fixed", "name",
                    "A layer's name is its table, WFS type, collection, tile and URL name, and outside clients keep it: it does not change (docs/catalogue.md). Change its titles, or add a new layer and remove this one.");
            }

            if (request.Attributes is not null)
            {
                throw CatalogueRefusal.Invalid("invalid-request", "attributes",
                    "Attributes change one by one: POST or PUT /api/admin/catalogue/layers/{layer}/attributes/{name}.");
            }

            var geometry = request.GeometryType is null ? (GeometryKind?)null : Geometry(request.GeometryType)
                ?? throw CatalogueRefusal.Invalid("invalid-geometry-type", "geometryType", "The geometry type is Point, MultiLineString or MultiPolygon.");
            await editor.ChangeLayerAsync(layer, new LayerEdit(request.Category, Clean(request.Title), Clean(request.Abstract),
                request.Public is null ? null : !request.Public.Value, request.LabelAttribute?.Trim(), geometry, request.Order), user, ct);
            return (StatusCodes.Status200OK, layer);
        });

    private static Task<IResult> AddAttributeAsync(string layer, HttpContext context, CatalogueEditor editor, CatalogueProvider catalogue, ChangeFeed feed) =>
        ChangeAsync<CatalogueAttributeRequest>(context, catalogue, feed, async (request, user, ct) =>
        {
            await editor.AddAttributeAsync(layer, AttributeSpecOf(request, ""), user, ct);
            return (StatusCodes.Status201Created, layer);
        });

    private static Task<IResult> ChangeAttributeAsync(string layer, string name, HttpContext context, CatalogueEditor editor,
        CatalogueProvider catalogue, ChangeFeed feed) =>
        ChangeAsync<CatalogueAttributeRequest>(context, catalogue, feed, async (request, user, ct) =>
        {
            if (request.Name is not null && request.Name != name)
            {
                throw CatalogueRefusal.Invalid("name-fixed", "name",
                    "An attribute's name is its column and property name: it does not change. Add a new attribute (and remove this one) instead.");
            }

            if (request.Default is not null)
            {
                throw CatalogueRefusal.Invalid("invalid-default", "default",
                    "A default fills records only when an attribute is added; give the records values through the editing channels.");
            }

            var type = request.Type is null ? (AttributeType?)null : Type(request.Type, "type");
            await editor.ChangeAttributeAsync(layer, name, new AttributeEdit(type, request.Required, Trimmed(request.AllowedValues),
                request.FreeText == true, Clean(request.Label), Labels(request.ValueLabels), request.Order), user, ct);
            return (StatusCodes.Status200OK, layer);
        });

    private static async Task<IResult> RemoveAttributeAsync(string layer, string name, HttpContext context, CatalogueEditor editor,
        CatalogueProvider catalogue, ChangeFeed feed)
    {
        try
        {
            var kept = await editor.RemoveAttributeAsync(layer, name, User(context), context.RequestAborted);
            await PropagateAsync(catalogue, feed, context.RequestAborted);
            return Results.Ok(new RetiredAttributeResponse(layer, name, kept));
        }
        catch (CatalogueRefusal refusal)
        {
            return Problem(refusal);
        }
    }

    private static async Task<IResult> RemoveLayerAsync(string layer, HttpContext context, CatalogueEditor editor, CatalogueProvider catalogue, ChangeFeed feed)
    {
        try
        {
            var archived = await editor.RemoveLayerAsync(layer, User(context), context.RequestAborted);
            await PropagateAsync(catalogue, feed, context.RequestAborted);
            return Results.Ok(new RemovedLayerResponse(layer, archived));
        }
        catch (CatalogueRefusal refusal)
        {
            return Problem(refusal);
        }
    }

    private static async Task<IResult> ChangeCategoryAsync(int id, HttpContext context, CatalogueEditor editor, CatalogueProvider catalogue, ChangeFeed feed)
    {
        try
        {
            var request = await ReadAsync<CategoryTitleRequest>(context);
            await editor.ChangeCategoryAsync(id, Clean(request.Title)
                ?? throw CatalogueRefusal.Invalid("invalid-title", "title", "Give the category's title in Vietnamese and English."), User(context), context.RequestAborted);
            await PropagateAsync(catalogue, feed, context.RequestAborted);
            return Results.Ok(catalogue.Current.Categories.First(c => c.Id == id));
        }
        catch (CatalogueRefusal refusal)
        {
            return Problem(refusal);
        }
    }

    /// <summary>Reads the body, makes the change, brings this node up to date and answers with the layer as it now is.</summary>
    private static async Task<IResult> ChangeAsync<T>(HttpContext context, CatalogueProvider catalogue, ChangeFeed feed,
        Func<T, string, CancellationToken, Task<(int Status, string Layer)>> change)
    {
        try
        {
            var request = await ReadAsync<T>(context);
            var (status, layer) = await change(request, User(context), context.RequestAborted);
            await PropagateAsync(catalogue, feed, context.RequestAborted);
            var response = LayerResponse.From(catalogue.Current.Find(layer)!);
            return status == StatusCodes.Status201Created ? Results.Created($"/api/layers#{layer}", response) : Results.Ok(response);
        }
        catch (CatalogueRefusal refusal)
        {
            return Problem(refusal);
        }
    }

    /// <summary>This node applies the change before it answers: its change feed (tile caches, versions) and its catalogue.</summary>
    private static async Task PropagateAsync(CatalogueProvider catalogue, ChangeFeed feed, CancellationToken ct)
    {
        await feed.AfterCommitAsync(ct);
        await catalogue.ReloadAsync(ct);
    }

    private static async Task<T> ReadAsync<T>(HttpContext context)
    {
        try
        {
            return await context.Request.ReadFromJsonAsync<T>(context.RequestAborted)
                ?? throw CatalogueRefusal.Invalid("invalid-json", "", "Send a JSON object.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            throw CatalogueRefusal.Invalid("invalid-json", "", "The body is not the JSON object this endpoint takes (application/json).");
        }
    }

    private static AttributeSpec AttributeSpecOf(CatalogueAttributeRequest request, string field)
    {
        var prefix = field.Length == 0 ? "" : field + ".";
        if (request.FreeText is not null)
        {
            throw CatalogueRefusal.Invalid("invalid-request", prefix + "freeText", "freeText is for changes; a new attribute without allowedValues is free text.");
        }

        return new AttributeSpec(
            request.Name?.Trim() ?? "",
            Type(request.Type, prefix + "type"),
            request.Required == true,
            Trimmed(request.AllowedValues),
            Clean(request.Label) ?? throw CatalogueRefusal.Invalid("invalid-title", prefix + "label", "Give the attribute's label in Vietnamese and English."),
            Labels(request.ValueLabels),
            request.Order,
            request.Default);
    }

    private static AttributeType Type(string? name, string field)
    {
        try
        {
            return AttributeTypes.Parse(name?.Trim() ?? "");
        }
        catch (ArgumentException)
        {
            throw CatalogueRefusal.Invalid("invalid-type", field, "The type is one of text, integer, number, date, datetime, boolean.");
        }
    }

    private static GeometryKind? Geometry(string? name) =>
        name?.Trim() is "Point" or "MultiLineString" or "MultiPolygon" ? Enum.Parse<GeometryKind>(name.Trim()) : null;

    private static LocalizedText? Clean(LocalizedText? text) => text is null ? null : new LocalizedText(text.Vi?.Trim() ?? "", text.En?.Trim() ?? "");

    private static IReadOnlyList<string>? Trimmed(IReadOnlyList<string>? values) => values?.Select(v => v?.Trim() ?? "").ToList();

    private static Dictionary<string, LocalizedText>? Labels(IReadOnlyDictionary<string, LocalizedText>? labels) =>
        labels?.ToDictionary(l => l.Key.Trim(), l => Clean(l.Value) ?? new LocalizedText("", ""), StringComparer.Ordinal);

    private static string User(HttpContext context) => context.GetCaller()?.Account.UserName ?? "unknown";

    private static IResult Problem(CatalogueRefusal refusal) => Problem(refusal.Status, refusal.Code, refusal.Field, refusal.Message);

    private static IResult Problem(int status, string code, string field, string detail)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field.Length > 0)
        {
            extensions["field"] = field;
        }

        var title = status switch
        {
            StatusCodes.Status401Unauthorized => "Not signed in",
            StatusCodes.Status403Forbidden => "Not allowed",
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status409Conflict => "The catalogue change would break existing data",
            _ => "Invalid catalogue change",
        };
        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }
}
