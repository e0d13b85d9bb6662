using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Wms.Requests;

/// <summary>
/// The CRS of a map request and the axis order of its BBOX (docs/ogc-clients.md): WMS 1.3.0 follows the
/// EPSG axis order, so <c>CRS=EPSG:4326</c> (and 4756) means lat/lon; <c>CRS:84</c> is lon/lat; WMS
/// 1.1.1 <c>SRS=EPSG:4326</c> is lon/lat; projected CRSs are easting/northing in every version.
/// </summary>
public sealed record MapCrs(CoordinateSystem System, bool LatLon, string Name)
{
    public const string Crs84 = "CRS:84";

    public int Srid => System.Srid;

    public bool Geographic => System.Geographic;

    /// <summary>Every CRS a layer is offered in, as WMS names them (CRS:84 only in 1.3.0).</summary>
    public static IEnumerable<string> Advertised(string version) =>
        CoordinateSystems.All.Select(c => c.Short).Concat(version == WmsVersions.V130 ? [Crs84] : []);

    public static MapCrs Parse(string? name, string version)
    {
        var parameter = WmsVersions.CrsParameter(version);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw OwsException.Missing(parameter);
        }

        CrsReference reference;
        try
        {
            reference = CrsReference.Parse(name, parameter);
        }
        catch (OwsException e)
        {
            throw new OwsException(WmsVersions.InvalidCrsCode(version), e.Message, parameter);
        }

        var isCrs84 = IsCrs84(name);
        if (isCrs84 && version == WmsVersions.V111)
        {
            // 1.1.1 has no CRS:84; accept it anyway as lon/lat, which is what it means.
            return new MapCrs(reference.System, false, Crs84);
        }

        var latLon = version == WmsVersions.V130
            ? reference.System.Geographic && !isCrs84
            : reference.LatLon;
        return new MapCrs(reference.System, latLon, isCrs84 ? Crs84 : name.Trim());
    }

    private static bool IsCrs84(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower is "crs:84" or "urn:ogc:def:crs:ogc:1.3:crs84" or "urn:ogc:def:crs:ogc::crs84"
            or "http://www.opengis.net/def/crs/ogc/1.3/crs84";
    }
}
