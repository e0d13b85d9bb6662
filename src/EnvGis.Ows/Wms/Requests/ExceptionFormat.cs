namespace EnvGis.Ows.Wms.Requests;

/// <summary>How a map request wants its errors: the XML report, the message drawn in the image, or an empty image.</summary>
public enum ExceptionFormat
{
    Xml,
    InImage,
    Blank,
}

/// <summary>The EXCEPTIONS values of WMS 1.3.0 (XML, INIMAGE, BLANK) and 1.1.1 (application/vnd.ogc.se_*); both are accepted in both versions.</summary>
public static class ExceptionFormats
{
    public static IReadOnlyList<string> Advertised(string version) => version == WmsVersions.V111
        ? ["application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank"]
        : ["XML", "INIMAGE", "BLANK"];

    public static ExceptionFormat Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "inimage" or "application/vnd.ogc.se_inimage" => ExceptionFormat.InImage,
        "blank" or "application/vnd.ogc.se_blank" => ExceptionFormat.Blank,
        _ => ExceptionFormat.Xml,
    };
}
