namespace EnvGis.Core.Filters;

/// <summary>The simple-features relations (BBOX: the envelope test of FES, an Intersects with a box).</summary>
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
