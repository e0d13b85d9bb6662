namespace EnvGis.Ows.Filters;

public enum ComparisonOperator
{
    EqualTo,
    NotEqualTo,
    LessThan,
    LessThanOrEqualTo,
    GreaterThan,
    GreaterThanOrEqualTo,
}

public enum SpatialOperator
{
    BBOX,
    Intersects,
    Within,
    Contains,
    Disjoint,
    Touches,
    Overlaps,
    Crosses,
    Equals,
}

public enum DistanceOperator
{
    DWithin,
    Beyond,
}

public enum TemporalOperator
{
    During,
    After,
    Before,
}
