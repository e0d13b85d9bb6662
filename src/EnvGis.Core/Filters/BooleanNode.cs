namespace EnvGis.Core.Filters;

/// <summary>A constant predicate (CQL2 <c>TRUE</c> / <c>FALSE</c>).</summary>
public sealed record BooleanNode(bool Value) : FilterNode;
