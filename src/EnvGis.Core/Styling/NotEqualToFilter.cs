namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsNotEqualTo.</summary>
public sealed record NotEqualToFilter(string Property, object Value) : ComparisonFilter(Property, Value)
{
    private protected override bool Accepts(int order) => order != 0;
}
