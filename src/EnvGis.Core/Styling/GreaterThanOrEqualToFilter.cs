namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsGreaterThanOrEqualTo.</summary>
public sealed record GreaterThanOrEqualToFilter(string Property, object Value) : ComparisonFilter(Property, Value)
{
    private protected override bool Accepts(int order) => order >= 0;
}
