using EnvGis.Core.Catalogue;
using EnvGis.Data.Sql;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;

namespace EnvGis.Server.Api;

/// <summary>The layer catalogue as the portal reads it: categories with the layers the caller may see.</summary>
public static class LayerApi
{
    public static void MapLayerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/layers").WithTags("Layers");
        api.MapGet("/", GetLayers);
    }

    private static CatalogueResponse GetLayers(HttpContext context, CatalogueProvider catalogue)
    {
        var scope = context.GetReadScope();
        var layers = catalogue.Current.Layers.Where(scope.CanSee).ToList();
        return new CatalogueResponse(catalogue.Current.Categories
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
    public static LayerResponse From(LayerDefinition layer) => new(
        layer.Name,
        layer.Title,
        layer.Abstract,
        layer.Category,
        layer.GeometryKind.ToString(),
        layer.LabelAttribute,
        layer.Attributes.Select(a => new AttributeResponse(a.Name, a.Type.Name(), a.Required, a.AllowedValues, a.Label)).ToList());
}

public sealed record AttributeResponse(
    string Name, string Type, bool Required, IReadOnlyList<string>? AllowedValues, LocalizedText Label);
