using EnvGis.Core.Catalogue;
using EnvGis.Ows.Features;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>
/// What a capabilities document lists: the service URL, the language, each visible type with its
/// extent, and the types the caller may edit through WFS-T (Transaction is advertised only then).
/// </summary>
public sealed record CapabilitiesModel(
    string ServiceUrl,
    string Language,
    IReadOnlyList<FeatureTypeEntry> FeatureTypes,
    int CountDefault,
    IReadOnlySet<string>? Editable = null)
{
    public bool Transactional => Editable is { Count: > 0 };

    public bool IsEditable(FeatureTypeEntry entry) => Editable?.Contains(entry.Type.Name) == true;
}

/// <summary>A feature type as listed in capabilities: its lon/lat extent (null when it has no visible records) and category.</summary>
public sealed record FeatureTypeEntry(FeatureType Type, double[]? Extent, Category? Category);
