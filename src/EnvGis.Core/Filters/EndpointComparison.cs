namespace EnvGis.Core.Filters;

/// <summary>One comparison between ends of two temporal operands, e.g. A1 &gt; B2.</summary>
public sealed record EndpointComparison(Endpoint Left, ComparisonOperator Operator, Endpoint Right);
