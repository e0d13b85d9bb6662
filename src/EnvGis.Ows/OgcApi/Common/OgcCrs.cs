using EnvGis.Ows.Crs;

namespace EnvGis.Ows.OgcApi.Common;

/// <summary>
/// The CRSs of OGC API Part 2, as URIs: CRS84 (lon/lat, the default) and every CRS EnvGis offers
/// (EPSG:4326 and 4756 in lat/lon order, the projected ones east/north). A CRS that is not in the
/// list is a 400.
/// </summary>
public static class OgcCrs
{
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static CrsReference Default { get; } = CrsReference.Parse(Crs84, "crs");

    /// <summary>The URIs every collection offers, CRS84 first.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Crs84, .. CoordinateSystems.All.Select(Uri)];

    public static string Uri(CoordinateSystem system) => $"http://www.opengis.net/def/crs/EPSG/0/{system.Srid}";

    /// <summary>The URI of a parsed CRS (CRS84 for lon/lat WGS 84).</summary>
    public static string Uri(CrsReference crs) => crs.Srid == 4326 && !crs.LatLon ? Crs84 : Uri(crs.System);

    /// <summary>A CRS parameter (crs, bbox-crs, filter-crs, Content-Crs): one of <see cref="All"/>, else a 400 naming the parameter.</summary>
    public static CrsReference Parse(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        var uri = value.Trim().TrimStart('<').TrimEnd('>');
        if (!All.Contains(uri, StringComparer.OrdinalIgnoreCase))
        {
            throw OgcApiException.Invalid(parameter,
                $"The CRS '{(uri.Length > 100 ? uri[..100] + "…" : uri)}' is not offered; use one of: {string.Join(", ", All)}.", "unknown-crs");
        }

        return CrsReference.Parse(uri, parameter);
    }
}
