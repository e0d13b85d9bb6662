namespace EnvGis.Core.Filters;

/// <summary>An operand of a predicate: a property, a literal, an interval or a case/accent folding of one.</summary>
public abstract record Expression;
