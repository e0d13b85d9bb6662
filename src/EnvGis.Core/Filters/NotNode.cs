namespace EnvGis.Core.Filters;

/// <summary>The operand does not hold (unknown stays unknown, as in SQL).</summary>
public sealed record NotNode(FilterNode Operand) : FilterNode;
