namespace EnvGis.Core.Filters;

/// <summary>A binary comparison. Case- and accent-insensitive comparisons wrap operands in <see cref="CaseInsensitive"/> / <see cref="AccentInsensitive"/>.</summary>
public sealed record ComparisonNode(ComparisonOperator Operator, Expression Left, Expression Right) : FilterNode;
