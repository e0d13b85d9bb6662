namespace EnvGis.Data.Features;

/// <summary>How the geometry column is read: not at all, as a NetTopologySuite geometry, or as GeoJSON text from PostGIS.</summary>
public enum GeometryEncoding
{
    None,
    Geometry,
    GeoJson,
}

/// <summary>
/// The geometry to read, in which CRS (an SRID PostGIS knows) and, for GeoJSON, with how many decimals;
/// <see cref="LatLon"/> writes GeoJSON in north/east order (OGC API Part 2 with EPSG:4326).
/// </summary>
public sealed record GeometryOutput(GeometryEncoding Encoding, int Srid, int Decimals)
{
    public bool LatLon { get; init; }

    /// <summary>Also reads a point on the geometry in WGS 84 (CSV downloads' lon/lat columns): <see cref="FeatureReader.Longitude"/>, <see cref="FeatureReader.Latitude"/>.</summary>
    public bool WithLonLat { get; init; }

    public static GeometryOutput None { get; } = new(GeometryEncoding.None, 4326, 0);
}
