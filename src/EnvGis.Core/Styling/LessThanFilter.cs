namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsLessThan.</summary>
public sealed record LessThanFilter(string Property, object Value) : ComparisonFilter(Property, Value)
{
    private protected override bool Accepts(int order) => order < 0;
}
