namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>The filter operators the FES parser and SQL generator really implement, as capabilities name them.</summary>
public static class FilterCapabilities
{
    public static IReadOnlyList<string> Comparison20 { get; } =
    [
        "PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan", "PropertyIsGreaterThan",
        "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike", "PropertyIsNull",
        "PropertyIsNil", "PropertyIsBetween",
    ];

    public static IReadOnlyList<string> Comparison11 { get; } =
        ["LessThan", "GreaterThan", "LessThanEqualTo", "GreaterThanEqualTo", "EqualTo", "NotEqualTo", "Like", "Between", "NullCheck"];

    public static IReadOnlyList<string> Spatial { get; } =
        ["BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses", "Within", "Contains", "Overlaps", "Beyond", "DWithin"];

    public static IReadOnlyList<string> GeometryOperands { get; } =
        ["gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon", "gml:MultiPoint", "gml:MultiCurve", "gml:MultiSurface"];

    public static IReadOnlyList<string> Temporal { get; } = ["After", "Before", "During"];
}
