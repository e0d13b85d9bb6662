namespace EnvGis.Core.Filters;

/// <summary>
/// The relations between two temporal operands [a1, a2] and [b1, b2] (closed; an instant has a1 = a2),
/// as CQL2 and OWL-Time define them; <see cref="Within"/> is FES During (a1 ≥ b1 and a2 ≤ b2).
/// </summary>
public enum TemporalOperator
{
    After,
    Before,
    Contains,
    Disjoint,
    During,
    Equals,
    FinishedBy,
    Finishes,
    Intersects,
    Meets,
    MetBy,
    OverlappedBy,
    Overlaps,
    StartedBy,
    Starts,
    Within,
}
