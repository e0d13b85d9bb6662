namespace EnvGis.Data.Maps;

/// <summary>How a map hit's geometry is read: not at all, as GeoJSON (EPSG:4326), or in the map's CRS.</summary>
public enum HitGeometry
{
    None,
    GeoJson,
    MapCrs,
}
