using NetTopologySuite.Geometries;

namespace EnvGis.Core.Filters;

/// <summary>
/// A spatial predicate between a geometry property (null: the layer's geometry) and a geometry
/// literal whose SRID is set and whose coordinates are x/y (east, north). Parsers put the property
/// first, turning e.g. <c>S_WITHIN(literal, geom)</c> into <c>Contains(geom, literal)</c>.
/// </summary>
public sealed record SpatialNode(SpatialOperator Operator, PropertyReference? Property, Geometry Geometry) : FilterNode
{
    public bool Equals(SpatialNode? other) =>
        other is not null && Operator == other.Operator && Equals(Property, other.Property)
        && Geometry.SRID == other.Geometry.SRID && Geometry.EqualsExact(other.Geometry);

    public override int GetHashCode() => HashCode.Combine(Operator, Property, Geometry.SRID);
}
