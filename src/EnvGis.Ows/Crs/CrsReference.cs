using System.Globalization;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Crs;

/// <summary>
/// A CRS as a request or a geometry names it, with the axis order that way of writing it implies
/// (docs/ogc-clients.md): <c>EPSG:4326</c> and the old <c>…/epsg.xml#4326</c> are x/y (lon/lat);
/// URNs and <c>http://www.opengis.net/def/crs/EPSG/0/4326</c> follow the EPSG order (lat/lon for
/// geographic CRSs); projected CRSs are easting/northing in every form; CRS84 is lon/lat.
/// </summary>
public sealed record CrsReference(CoordinateSystem System, bool LatLon, string Name)
{
    public int Srid => System.Srid;

    /// <summary>The srsName to write for output in this CRS and axis order.</summary>
    public string OutputName => LatLon || !System.Geographic ? System.Urn : System.Short;

    public static CrsReference Default { get; } = new(CoordinateSystems.Wgs84, true, CoordinateSystems.Wgs84.Urn);

    /// <summary>Parses a srsName; <paramref name="forceXy"/> for WFS 1.0, which is always x/y.</summary>
    public static CrsReference Parse(string name, string locator, bool forceXy = false)
    {
        var (srid, epsgOrder) = ParseCode(name.Trim())
            ?? throw OwsException.Invalid(locator, $"The CRS '{name}' is not understood; use for example urn:ogc:def:crs:EPSG::4326.");
        var system = CoordinateSystems.Find(srid)
            ?? throw OwsException.Invalid(locator,
                $"The CRS EPSG:{srid} is not offered; offered: {string.Join(", ", CoordinateSystems.All.Select(c => c.Short))}.");
        return new CrsReference(system, epsgOrder && system.Geographic && !forceXy, name.Trim());
    }

    private static (int Srid, bool EpsgOrder)? ParseCode(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower is "crs:84" or "urn:ogc:def:crs:ogc:1.3:crs84" or "urn:ogc:def:crs:ogc::crs84"
            or "http://www.opengis.net/def/crs/ogc/1.3/crs84" or "https://www.opengis.net/def/crs/ogc/1.3/crs84")
        {
            return (4326, false);
        }

        string[] xyPrefixes = ["epsg:", "http://www.opengis.net/gml/srs/epsg.xml#"];
        foreach (var prefix in xyPrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Code(lower[prefix.Length..], false);
            }
        }

        string[] urnPrefixes = ["urn:ogc:def:crs:epsg:", "urn:x-ogc:def:crs:epsg:"];
        foreach (var prefix in urnPrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                // urn:ogc:def:crs:EPSG::4326 or urn:ogc:def:crs:EPSG:6.6:4326 (a version before the code).
                var rest = lower[prefix.Length..];
                return Code(rest[(rest.LastIndexOf(':') + 1)..], true);
            }
        }

        string[] httpPrefixes = ["http://www.opengis.net/def/crs/epsg/", "https://www.opengis.net/def/crs/epsg/"];
        foreach (var prefix in httpPrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = lower[prefix.Length..];
                return Code(rest[(rest.LastIndexOf('/') + 1)..], true);
            }
        }

        return null;
    }

    private static (int, bool)? Code(string text, bool epsgOrder) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? (code, epsgOrder) : null;
}
