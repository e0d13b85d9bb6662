namespace EnvGis.Core.Filters;

/// <summary>A boolean literal; compares with boolean properties.</summary>
public sealed record BooleanLiteral(bool Value) : Expression;
