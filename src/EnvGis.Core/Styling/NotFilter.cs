namespace EnvGis.Core.Styling;

/// <summary>ogc:Not. Two-valued: Not of a comparison with a null value is true.</summary>
public sealed record NotFilter(StyleFilter Filter) : StyleFilter
{
    public override bool Evaluate(Func<string, object?> getProperty) => !Filter.Evaluate(getProperty);
}
