using EnvGis.Core.Filters;

namespace EnvGis.Ows.Filters.Cql2;

/// <summary>The CQL2 names of the predicates and functions EnvGis understands, shared by the text and JSON encodings.</summary>
public static class Cql2Functions
{
    public static readonly IReadOnlyDictionary<string, SpatialOperator> Spatial = new Dictionary<string, SpatialOperator>(StringComparer.OrdinalIgnoreCase)
    {
        ["S_INTERSECTS"] = SpatialOperator.Intersects,
        ["S_EQUALS"] = SpatialOperator.Equals,
        ["S_DISJOINT"] = SpatialOperator.Disjoint,
        ["S_TOUCHES"] = SpatialOperator.Touches,
        ["S_WITHIN"] = SpatialOperator.Within,
        ["S_OVERLAPS"] = SpatialOperator.Overlaps,
        ["S_CROSSES"] = SpatialOperator.Crosses,
        ["S_CONTAINS"] = SpatialOperator.Contains,
    };

    public static readonly IReadOnlyDictionary<string, TemporalOperator> Temporal = new Dictionary<string, TemporalOperator>(StringComparer.OrdinalIgnoreCase)
    {
        ["T_AFTER"] = TemporalOperator.After,
        ["T_BEFORE"] = TemporalOperator.Before,
        ["T_CONTAINS"] = TemporalOperator.Contains,
        ["T_DISJOINT"] = TemporalOperator.Disjoint,
        ["T_DURING"] = TemporalOperator.During,
        ["T_EQUALS"] = TemporalOperator.Equals,
        ["T_FINISHEDBY"] = TemporalOperator.FinishedBy,
        ["T_FINISHES"] = TemporalOperator.Finishes,
        ["T_INTERSECTS"] = TemporalOperator.Intersects,
        ["T_MEETS"] = TemporalOperator.Meets,
        ["T_METBY"] = TemporalOperator.MetBy,
        ["T_OVERLAPPEDBY"] = TemporalOperator.OverlappedBy,
        ["T_OVERLAPS"] = TemporalOperator.Overlaps,
        ["T_STARTEDBY"] = TemporalOperator.StartedBy,
        ["T_STARTS"] = TemporalOperator.Starts,
    };

    public static readonly IReadOnlySet<string> Arrays = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "A_EQUALS", "A_CONTAINS", "A_CONTAINEDBY", "A_OVERLAPS",
    };

    public static readonly IReadOnlySet<string> Arithmetic = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "+", "-", "*", "/", "%", "^", "div" };

    /// <summary>A spatial predicate with the property first: S_WITHIN(literal, geom) is Contains(geom, literal).</summary>
    public static FilterNode SpatialNode(SpatialOperator op, Expression? first, object? firstGeometry, Expression? second, object? secondGeometry)
    {
        switch (first, firstGeometry, second, secondGeometry)
        {
            case (PropertyReference p, null, null, NetTopologySuite.Geometries.Geometry g):
                return new SpatialNode(op, p, g);
            case (null, NetTopologySuite.Geometries.Geometry g, PropertyReference p, null):
                return new SpatialNode(op switch
                {
                    SpatialOperator.Within => SpatialOperator.Contains,
                    SpatialOperator.Contains => SpatialOperator.Within,
                    _ => op,
                }, p, g);
            default:
                throw FilterException.NotSupported("A spatial function compares the geometry property with a geometry literal.");
        }
    }

    public static FilterException UnknownFunction(string name) => FilterException.NotSupported(
        $"The function '{(name.Length > 60 ? name[..60] + "…" : name)}' is not supported; EnvGis offers CASEI, ACCENTI, the S_* spatial and the T_* temporal functions.");

    public static FilterException ArithmeticNotSupported() =>
        FilterException.NotSupported("Arithmetic expressions (+ - * / % div ^) are not supported in filters.");

    public static FilterException ArraysNotSupported() => FilterException.NotSupported("Array functions (A_*) are not supported.");
}
