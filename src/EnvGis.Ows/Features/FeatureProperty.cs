using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Features;

/// <summary>One property of a feature type: its name (= column), XSD-relevant type and whether every record has it.</summary>
public sealed record FeatureProperty(string Name, AttributeType Type, bool Required, PropertyKind Kind)
{
    public bool IsGeometry => Kind == PropertyKind.Geometry;
}
