namespace EnvGis.Core.Filters;

/// <summary>An instant, held in UTC (CQL2 <c>TIMESTAMP('…')</c>, an xs:dateTime).</summary>
public sealed record TimestampLiteral(DateTimeOffset Value) : Expression;
