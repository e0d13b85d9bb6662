using EnvGis.Core.Catalogue;
using EnvGis.Ows.Features;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>What a capabilities document lists: the service URL, the language, and each visible type with its extent.</summary>
public sealed record CapabilitiesModel(
    string ServiceUrl,
    string Language,
    IReadOnlyList<FeatureTypeEntry> FeatureTypes,
    int CountDefault);

/// <summary>A feature type as listed in capabilities: its lon/lat extent (null when it has no visible records) and category.</summary>
public sealed record FeatureTypeEntry(FeatureType Type, double[]? Extent, Category? Category);
