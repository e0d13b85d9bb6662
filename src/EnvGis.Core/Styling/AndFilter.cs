namespace EnvGis.Core.Styling;

/// <summary>ogc:And: every filter accepts.</summary>
public sealed record AndFilter(IReadOnlyList<StyleFilter> Filters) : LogicalFilter(Filters)
{
    public override bool Evaluate(Func<string, object?> getProperty) => Filters.All(f => f.Evaluate(getProperty));
}
