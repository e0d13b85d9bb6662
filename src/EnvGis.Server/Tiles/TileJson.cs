using System.Text.Json.Serialization;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;

namespace EnvGis.Server.Tiles;

/// <summary>A TileJSON 3.0.0 document for one layer's vector tiles.</summary>
public sealed record TileJson(
    [property: JsonPropertyName("tilejson")] string Version,
    string Name,
    string Description,
    string? Attribution,
    string Scheme,
    IReadOnlyList<string> Tiles,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    IReadOnlyList<double> Bounds,
    [property: JsonPropertyName("vector_layers")] IReadOnlyList<TileJsonVectorLayer> VectorLayers)
{
    // Deeper zooms reuse (overzoom) z16 tiles: 4096 units over 611 m keep 15 cm of detail.
    public const int DefaultMaxZoom = 16;

    /// <summary>Bounds of the whole city (lon/lat) when a layer has no visible records.</summary>
    private static readonly double[] CityBounds = [106.0, 20.0, 107.9, 21.4];

    public static TileJson Create(LayerDefinition layer, double[]? bounds, string baseUrl, string language)
    {
        // Metadata travel as text in tiles (dates as ISO 8601).
        var fields = PublicColumns.Of(layer).ToDictionary(c => c.Name, c => c.Kind == ColumnKind.Metadata ? "String" : FieldType(c.Type));

        if (layer.GeometryKind == GeometryKind.MultiPolygon)
        {
            fields["label_lon"] = "Number";
            fields["label_lat"] = "Number";
        }

        return new TileJson(
            "3.0.0",
            layer.Name,
            layer.Title.In(language),
            layer.Attribution,
            "xyz",
            TileUrls.For(layer, baseUrl),
            0,
            DefaultMaxZoom,
            bounds ?? CityBounds,
            [new TileJsonVectorLayer(layer.Name, layer.Abstract.In(language), 0, DefaultMaxZoom, fields)]);
    }

    private static string FieldType(AttributeType type) => type switch
    {
        AttributeType.Integer or AttributeType.Number => "Number",
        AttributeType.Boolean => "Boolean",
        _ => "String",
    };
}

public sealed record TileJsonVectorLayer(
    string Id,
    string Description,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    IReadOnlyDictionary<string, string> Fields);
