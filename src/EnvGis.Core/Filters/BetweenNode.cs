namespace EnvGis.Core.Filters;

/// <summary>Lower ≤ value ≤ upper, both bounds included.</summary>
public sealed record BetweenNode(Expression Value, Expression Lower, Expression Upper) : FilterNode;
