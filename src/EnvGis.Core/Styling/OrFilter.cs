namespace EnvGis.Core.Styling;

/// <summary>ogc:Or: at least one filter accepts.</summary>
public sealed record OrFilter(IReadOnlyList<StyleFilter> Filters) : LogicalFilter(Filters)
{
    public override bool Evaluate(Func<string, object?> getProperty) => Filters.Any(f => f.Evaluate(getProperty));
}
