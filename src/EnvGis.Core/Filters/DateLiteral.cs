namespace EnvGis.Core.Filters;

/// <summary>A calendar date: a whole local day (CQL2 <c>DATE('…')</c>, an xs:date, a WMS TIME day).</summary>
public sealed record DateLiteral(DateOnly Value) : Expression;
