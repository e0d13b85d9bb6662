namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsEqualTo.</summary>
public sealed record EqualToFilter(string Property, object Value) : ComparisonFilter(Property, Value)
{
    private protected override bool Accepts(int order) => order == 0;
}
