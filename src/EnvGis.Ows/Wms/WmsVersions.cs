namespace EnvGis.Ows.Wms;

/// <summary>The WMS versions served (1.3.0 first, the default) and what differs between them.</summary>
public static class WmsVersions
{
    public const string V130 = "1.3.0";
    public const string V111 = "1.1.1";

    public const string Wms130Namespace = "http://www.opengis.net/wms";

    public static IReadOnlyList<string> All { get; } = [V130, V111];

    /// <summary>1.3.0 names the CRS parameter CRS and its error InvalidCRS; 1.1.1 says SRS.</summary>
    public static string CrsParameter(string version) => version == V111 ? "SRS" : "CRS";

    public static string InvalidCrsCode(string version) => version == V111 ? WmsExceptionCodes.InvalidSrs : WmsExceptionCodes.InvalidCrs;
}
