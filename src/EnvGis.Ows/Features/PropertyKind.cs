namespace EnvGis.Ows.Features;

/// <summary>Where a feature property comes from.</summary>
public enum PropertyKind
{
    Attribute,
    Metadata,
    Geometry,
}
