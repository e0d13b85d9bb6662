namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsNull: the attribute is absent or null.</summary>
public sealed record IsNullFilter(string Property) : StyleFilter
{
    public override bool Evaluate(Func<string, object?> getProperty) =>
        FilterValues.Unwrap(getProperty(Property)) is null;
}
