namespace EnvGis.Ows.Downloads;

/// <summary>The download formats every layer offers (docs/open-data.md "Downloads"), in the order they are listed.</summary>
public static class DownloadFormats
{
    public const string IsoMediaType = "application/vnd.iso.19139+xml";

    public static DownloadFormat GeoPackage { get; } = new("gpkg", "application/geopackage+sqlite3", "gpkg", "GeoPackage");

    public static DownloadFormat Shapefile { get; } = new("shp", "application/x-shapefile+zip", "shp.zip", "Esri Shapefile (zip)");

    public static DownloadFormat GeoJson { get; } = new("geojson", "application/geo+json", "geojson", "GeoJSON");

    public static DownloadFormat Csv { get; } = new("csv", "text/csv", "csv", "CSV (WKT, lon/lat)");

    public static DownloadFormat Kml { get; } = new("kml", "application/vnd.google-earth.kml+xml", "kml", "KML");

    public static IReadOnlyList<DownloadFormat> All { get; } = [GeoPackage, Shapefile, GeoJson, Csv, Kml];

    public static DownloadFormat? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The public URL of a layer's download in a format (no filter: the whole layer as the caller may see it).</summary>
    public static string Url(string baseUrl, string layer, DownloadFormat format) => $"{baseUrl}/ogcapi/collections/{layer}/download/{format.Id}";
}
