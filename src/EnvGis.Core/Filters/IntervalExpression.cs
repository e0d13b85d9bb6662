namespace EnvGis.Core.Filters;

/// <summary>
/// A closed interval [Start, End]: each end a date or timestamp literal, a date or datetime property,
/// or <see cref="OpenBound"/>. CQL2 <c>INTERVAL(…)</c>, a GML TimePeriod, a WMS TIME range, an OGC
/// API <c>datetime</c>.
/// </summary>
public sealed record IntervalExpression(Expression Start, Expression End) : Expression;
