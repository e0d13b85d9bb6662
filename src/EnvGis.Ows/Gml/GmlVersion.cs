namespace EnvGis.Ows.Gml;

/// <summary>The GML encodings EnvGis reads and writes.</summary>
public enum GmlVersion
{
    /// <summary>GML 2.1.2 (WFS 1.0): gml:coordinates, outerBoundaryIs.</summary>
    Gml2,

    /// <summary>GML 3.1.1 (WFS 1.1).</summary>
    Gml31,

    /// <summary>GML 3.2.1 (WFS 2.0): gml:id on every geometry.</summary>
    Gml32,
}

/// <summary>Namespaces of the GML versions.</summary>
public static class GmlNamespaces
{
    public const string Gml = "http://www.opengis.net/gml";
    public const string Gml32 = "http://www.opengis.net/gml/3.2";

    public static string Of(GmlVersion version) => version == GmlVersion.Gml32 ? Gml32 : Gml;
}
