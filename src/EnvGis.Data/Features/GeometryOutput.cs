namespace EnvGis.Data.Features;

/// <summary>How the geometry column is read: not at all, as a NetTopologySuite geometry, or as GeoJSON text from PostGIS.</summary>
public enum GeometryEncoding
{
    None,
    Geometry,
    GeoJson,
}

/// <summary>The geometry to read, in which CRS (an SRID PostGIS knows) and, for GeoJSON, with how many decimals.</summary>
public sealed record GeometryOutput(GeometryEncoding Encoding, int Srid, int Decimals)
{
    public static GeometryOutput None { get; } = new(GeometryEncoding.None, 4326, 0);
}
