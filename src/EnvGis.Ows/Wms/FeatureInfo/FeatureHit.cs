using EnvGis.Core.Catalogue;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Wms.FeatureInfo;

/// <summary>A record found by GetFeatureInfo: its layer, id, column values, and its geometry as the format needs it.</summary>
public sealed record FeatureHit(
    LayerDefinition Layer,
    long Id,
    IReadOnlyList<(string Name, AttributeType Type, object? Value)> Values,
    string? GeoJson,
    Geometry? Geometry)
{
    public string PublicId => $"{Layer.Name}.{Id}";
}

/// <summary>The records found in one queried layer.</summary>
public sealed record LayerHits(LayerDefinition Layer, IReadOnlyList<FeatureHit> Features);
