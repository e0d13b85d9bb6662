using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Gml;

namespace EnvGis.Ows.Wfs;

/// <summary>A feature output format: a GML version or GeoJSON, with the names clients use for it.</summary>
public sealed record OutputFormat(string Name, GmlVersion? Gml, string ContentType)
{
    public static OutputFormat Gml32 { get; } = new("application/gml+xml; version=3.2", GmlVersion.Gml32, "application/gml+xml; version=3.2");
    public static OutputFormat Gml31 { get; } = new("text/xml; subtype=gml/3.1.1", GmlVersion.Gml31, "text/xml; subtype=gml/3.1.1");
    public static OutputFormat Gml2 { get; } = new("GML2", GmlVersion.Gml2, "text/xml; subtype=gml/2.1.2");
    public static OutputFormat GeoJson { get; } = new("application/json", null, "application/geo+json");

    public bool IsJson => Gml is null;

    /// <summary>The formats a version offers, its default first.</summary>
    public static IReadOnlyList<OutputFormat> For(string version) => version switch
    {
        WfsVersions.V200 => [Gml32, Gml31, GeoJson],
        WfsVersions.V110 => [Gml31, GeoJson],
        _ => [Gml2, GeoJson],
    };

    /// <summary>Every name accepted for each format (case-insensitive, spaces ignored).</summary>
    public static IReadOnlyList<string> Aliases(OutputFormat format) => format.Name switch
    {
        "application/gml+xml; version=3.2" => ["application/gml+xml; version=3.2", "text/xml; subtype=gml/3.2", "text/xml; subtype=gml/3.2.1", "gml32", "application/gml+xml"],
        "text/xml; subtype=gml/3.1.1" => ["text/xml; subtype=gml/3.1.1", "gml3", "gml31", "application/gml+xml; version=3.1", "text/xml"],
        "GML2" => ["GML2", "text/xml; subtype=gml/2.1.2", "text/xml"],
        _ => ["application/json", "json", "geojson", "application/geo+json", "application/vnd.geo+json"],
    };

    public static OutputFormat Parse(string? name, string version, string locator = "outputFormat")
    {
        var formats = For(version);
        if (name is null)
        {
            return formats[0];
        }

        var wanted = Normalize(name);
        return formats.FirstOrDefault(f => Aliases(f).Any(a => Normalize(a) == wanted))
            ?? throw new OwsException(OwsException.InvalidParameterValue,
                $"The output format '{name}' is not offered in WFS {version}; use one of: {string.Join(", ", formats.Select(f => f.Name))}.", locator);
    }

    private static string Normalize(string name) => name.Replace(" ", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal).ToLowerInvariant();
}
