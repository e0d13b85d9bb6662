using EnvGis.Core.Catalogue;

namespace EnvGis.Data.Features;

/// <summary>A non-geometry column read for a feature: an attribute or a public metadata column.</summary>
public sealed record FeatureColumn(string Name, AttributeType Type);
