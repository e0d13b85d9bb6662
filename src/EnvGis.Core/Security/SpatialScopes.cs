namespace EnvGis.Core.Security;

/// <summary>Where the polygons of spatial scopes come from: the communes layer, by its code attribute.</summary>
public static class SpatialScopes
{
    public const string CommuneLayer = "communes";
    public const string CommuneCodeAttribute = "code";
}
