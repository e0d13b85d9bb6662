namespace EnvGis.Core.Catalogue;

/// <summary>The concrete geometry type of a layer's records (stored in EPSG:4326).</summary>
public enum GeometryKind
{
    Point,
    MultiLineString,
    MultiPolygon,
}
