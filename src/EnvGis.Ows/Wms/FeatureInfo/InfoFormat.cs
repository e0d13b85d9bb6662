using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Wms.FeatureInfo;

/// <summary>The GetFeatureInfo output formats.</summary>
public enum InfoFormatKind
{
    Html,
    Json,
    Gml,
    Text,
}

public static class InfoFormat
{
    public static IReadOnlyList<string> Advertised { get; } = ["text/html", "application/json", "application/vnd.ogc.gml", "text/plain"];

    public static InfoFormatKind Parse(string? value) => value?.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        null or "text/plain" => InfoFormatKind.Text,
        "text/html" => InfoFormatKind.Html,
        "application/json" or "application/geo+json" or "json" or "geojson" => InfoFormatKind.Json,
        "application/vnd.ogc.gml" or "gml" or "gml2" or "text/xml" or "application/xml" or "text/xml;subtype=gml/2.1.2" => InfoFormatKind.Gml,
        _ => throw new OwsException(WmsExceptionCodes.InvalidFormat,
            $"The INFO_FORMAT '{value}' is not offered; offered: {string.Join(", ", Advertised)}.", "INFO_FORMAT"),
    };

    public static string ContentType(InfoFormatKind kind) => kind switch
    {
        InfoFormatKind.Html => "text/html; charset=utf-8",
        InfoFormatKind.Json => "application/json; charset=utf-8",
        InfoFormatKind.Gml => "application/vnd.ogc.gml; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
