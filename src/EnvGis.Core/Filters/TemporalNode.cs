namespace EnvGis.Core.Filters;

/// <summary>
/// A temporal relation between two temporal operands: an instant (a date or datetime property, a
/// <see cref="DateLiteral"/> or <see cref="TimestampLiteral"/>) or an interval
/// (<see cref="IntervalExpression"/>, or the property <c>validity</c>: the record's validity period).
/// The relations and the time rule are defined in docs/filters.md.
/// </summary>
public sealed record TemporalNode(TemporalOperator Operator, Expression Left, Expression Right) : FilterNode;
