namespace EnvGis.Core.Catalogue;

/// <summary>
/// A layer of the catalogue. Its name is the WFS type name (envgis:name), the WMS layer name, the
/// tile layer and the API path segment, and also the name of its table in the <c>data</c> schema.
/// </summary>
public sealed record LayerDefinition(
    string Name,
    LocalizedText Title,
    LocalizedText Abstract,
    int Category,
    GeometryKind GeometryKind,
    bool Restricted,
    string? LabelAttribute,
    int Ordinal,
    IReadOnlyList<AttributeDefinition> Attributes)
{
    /// <summary>The attribution the data requires wherever it is shown (e.g. "© OpenStreetMap contributors").</summary>
    public string? Attribution { get; init; }

    /// <summary>The terms under which the layer's published data may be used (open-data pages, downloads).</summary>
    public LocalizedText? Licence { get; init; }

    /// <summary>The licence's own page, when it has one (e.g. ODbL).</summary>
    public string? LicenceUrl { get; init; }

    /// <summary>How users must cite the layer's data (Art. 3.5).</summary>
    public LocalizedText? Citation { get; init; }

    public AttributeDefinition? FindAttribute(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
