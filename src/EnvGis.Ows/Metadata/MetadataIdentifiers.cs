namespace EnvGis.Ows.Metadata;

/// <summary>The stable identifier of a layer's metadata record: the same in ISO fileIdentifier, Dublin Core dc:identifier and CSW GetRecordById.</summary>
public static class MetadataIdentifiers
{
    public const string Prefix = "envgis-";

    public static string Of(string layer) => Prefix + layer;

    /// <summary>The layer an identifier names, or null when it is not one of ours.</summary>
    public static string? LayerOf(string identifier) =>
        identifier.StartsWith(Prefix, StringComparison.Ordinal) && identifier.Length > Prefix.Length ? identifier[Prefix.Length..] : null;
}
