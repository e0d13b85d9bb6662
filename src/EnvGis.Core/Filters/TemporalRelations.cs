using static EnvGis.Core.Filters.ComparisonOperator;
using static EnvGis.Core.Filters.Endpoint;

namespace EnvGis.Core.Filters;

/// <summary>
/// The definition of every temporal relation as comparisons of ends, read by both the SQL generator
/// and the in-memory evaluator so the two cannot disagree. Operands are closed intervals [A1, A2] and
/// [B1, B2] (an instant has equal ends, an open end is −∞ or +∞); a relation holds when any of its
/// alternatives holds, an alternative when all its comparisons hold (docs/filters.md).
/// </summary>
public static class TemporalRelations
{
    private static readonly Dictionary<TemporalOperator, EndpointComparison[][]> Definitions = new()
    {
        [TemporalOperator.After] = [[new(A1, GreaterThan, B2)]],
        [TemporalOperator.Before] = [[new(A2, LessThan, B1)]],
        [TemporalOperator.Contains] = [[new(A1, LessThan, B1), new(B2, LessThan, A2)]],
        [TemporalOperator.Disjoint] = [[new(A2, LessThan, B1)], [new(A1, GreaterThan, B2)]],
        [TemporalOperator.During] = [[new(B1, LessThan, A1), new(A2, LessThan, B2)]],
        [TemporalOperator.Equals] = [[new(A1, EqualTo, B1), new(A2, EqualTo, B2)]],
        [TemporalOperator.FinishedBy] = [[new(A2, EqualTo, B2), new(A1, LessThan, B1)]],
        [TemporalOperator.Finishes] = [[new(A2, EqualTo, B2), new(A1, GreaterThan, B1)]],
        [TemporalOperator.Intersects] = [[new(A1, LessThanOrEqualTo, B2), new(A2, GreaterThanOrEqualTo, B1)]],
        [TemporalOperator.Meets] = [[new(A2, EqualTo, B1)]],
        [TemporalOperator.MetBy] = [[new(A1, EqualTo, B2)]],
        [TemporalOperator.OverlappedBy] = [[new(B1, LessThan, A1), new(A1, LessThan, B2), new(B2, LessThan, A2)]],
        [TemporalOperator.Overlaps] = [[new(A1, LessThan, B1), new(B1, LessThan, A2), new(A2, LessThan, B2)]],
        [TemporalOperator.StartedBy] = [[new(A1, EqualTo, B1), new(A2, GreaterThan, B2)]],
        [TemporalOperator.Starts] = [[new(A1, EqualTo, B1), new(A2, LessThan, B2)]],
        [TemporalOperator.Within] = [[new(A1, GreaterThanOrEqualTo, B1), new(A2, LessThanOrEqualTo, B2)]],
    };

    /// <summary>The alternatives (OR) of conjunctions (AND) that define <paramref name="op"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<EndpointComparison>> Of(TemporalOperator op) => Definitions[op];

    /// <summary>CQL2 defines these only between intervals; an instant operand is a client error.</summary>
    public static bool NeedsIntervals(TemporalOperator op) =>
        op is not (TemporalOperator.After or TemporalOperator.Before or TemporalOperator.Disjoint or TemporalOperator.Equals
            or TemporalOperator.Intersects or TemporalOperator.Within);

    /// <summary>Whether <paramref name="order"/> (negative, 0, positive) satisfies a comparison operator.</summary>
    public static bool Holds(ComparisonOperator op, int order) => op switch
    {
        EqualTo => order == 0,
        NotEqualTo => order != 0,
        LessThan => order < 0,
        LessThanOrEqualTo => order <= 0,
        GreaterThan => order > 0,
        _ => order >= 0,
    };
}
