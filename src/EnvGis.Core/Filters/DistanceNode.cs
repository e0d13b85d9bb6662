using NetTopologySuite.Geometries;

namespace EnvGis.Core.Filters;

/// <summary>FES DWithin / Beyond: the geometry lies within (or beyond) a distance given in metres or degrees.</summary>
public sealed record DistanceNode(DistanceOperator Operator, PropertyReference? Property, Geometry Geometry, double Distance, string Units) : FilterNode
{
    public bool Equals(DistanceNode? other) =>
        other is not null && Operator == other.Operator && Equals(Property, other.Property) && Distance.Equals(other.Distance)
        && Units == other.Units && Geometry.EqualsExact(other.Geometry);

    public override int GetHashCode() => HashCode.Combine(Operator, Property, Distance);
}
