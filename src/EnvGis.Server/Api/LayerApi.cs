using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;
using EnvGis.Server.Styles;

namespace EnvGis.Server.Api;

/// <summary>The layer catalogue as the portal reads it: categories with the layers the caller may see.</summary>
public static class LayerApi
{
    public static void MapLayerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/layers").WithTags("Layers");
        api.MapGet("/", GetLayers);
        api.MapGet("/{layer}/style", GetStyle);
    }

    private static IResult GetStyle(string layer, HttpContext context, CatalogueProvider catalogue, StyleLibrary styles)
    {
        if (catalogue.Current.Find(layer) is not { } definition || !context.GetReadScope().CanSee(definition))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown layer or style",
                detail: $"There is no style for a layer named '{layer}' that you may read.");
        }

        return Results.Text(styles.JsonFor(definition), "application/json");
    }

    private static CatalogueResponse GetLayers(HttpContext context, CatalogueProvider catalogue) =>
        Catalogue(catalogue.Current, context.GetReadScope());

    /// <summary>The categories in order, each with the layers <paramref name="scope"/> may see.</summary>
    public static CatalogueResponse Catalogue(LayerCatalogue catalogue, ReadScope scope)
    {
        var layers = catalogue.Layers.Where(scope.CanSee).ToList();
        return new CatalogueResponse(catalogue.Categories
            .Select(c => new CategoryResponse(c.Id, c.Title, layers.Where(l => l.Category == c.Id).Select(LayerResponse.From).ToList()))
            .ToList());
    }
}

public sealed record CatalogueResponse(IReadOnlyList<CategoryResponse> Categories);

public sealed record CategoryResponse(int Id, LocalizedText Title, IReadOnlyList<LayerResponse> Layers);

public sealed record LayerResponse(
    string Name,
    LocalizedText Title,
    LocalizedText Abstract,
    int Category,
    string GeometryType,
    string? LabelAttribute,
    IReadOnlyList<AttributeResponse> Attributes)
{
    /// <summary>False for a restricted layer (never shown to the public); the catalogue administration sets it.</summary>
    public bool Public { get; init; } = true;

    public static LayerResponse From(LayerDefinition layer) => new(
        layer.Name,
        layer.Title,
        layer.Abstract,
        layer.Category,
        layer.GeometryKind.ToString(),
        layer.LabelAttribute,
        layer.Attributes.Select(a => new AttributeResponse(a.Name, a.Type.Name(), a.Required, a.AllowedValues, a.Label, a.ValueLabels)
        {
            Measured = a.Measured ? true : null,
        }).ToList())
    {
        Public = !layer.Restricted,
    };
}

public sealed record AttributeResponse(
    string Name,
    string Type,
    bool Required,
    IReadOnlyList<string>? AllowedValues,
    LocalizedText Label,
    IReadOnlyDictionary<string, LocalizedText>? ValueLabels)
{
    /// <summary>True for measured values kept by the monitoring system (no form offers them); absent otherwise.</summary>
    public bool? Measured { get; init; }
}
