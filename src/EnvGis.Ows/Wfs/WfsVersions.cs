using EnvGis.Ows.Gml;

namespace EnvGis.Ows.Wfs;

/// <summary>The WFS versions served and what differs between them.</summary>
public static class WfsVersions
{
    public const string V200 = "2.0.0";
    public const string V110 = "1.1.0";
    public const string V100 = "1.0.0";

    public const string Wfs20Namespace = "http://www.opengis.net/wfs/2.0";
    public const string Wfs1Namespace = "http://www.opengis.net/wfs";

    public static IReadOnlyList<string> All { get; } = [V200, V110, V100];

    public static string Namespace(string version) => version == V200 ? Wfs20Namespace : Wfs1Namespace;

    public static GmlVersion DefaultGml(string version) => version switch
    {
        V200 => GmlVersion.Gml32,
        V110 => GmlVersion.Gml31,
        _ => GmlVersion.Gml2,
    };
}
