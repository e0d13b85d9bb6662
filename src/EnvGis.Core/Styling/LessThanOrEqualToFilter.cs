namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsLessThanOrEqualTo.</summary>
public sealed record LessThanOrEqualToFilter(string Property, object Value) : ComparisonFilter(Property, Value)
{
    private protected override bool Accepts(int order) => order <= 0;
}
