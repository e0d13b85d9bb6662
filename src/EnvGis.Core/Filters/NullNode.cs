namespace EnvGis.Core.Filters;

/// <summary>The value is null (FES PropertyIsNull and PropertyIsNil: EnvGis has no nil distinct from null).</summary>
public sealed record NullNode(Expression Value) : FilterNode;
