namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsGreaterThan.</summary>
public sealed record GreaterThanFilter(string Property, object Value) : ComparisonFilter(Property, Value)
{
    private protected override bool Accepts(int order) => order > 0;
}
