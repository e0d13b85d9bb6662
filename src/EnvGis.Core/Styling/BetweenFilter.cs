namespace EnvGis.Core.Styling;

/// <summary>ogc:PropertyIsBetween: <see cref="Lower"/> ≤ value ≤ <see cref="Upper"/>, both inclusive.</summary>
public sealed record BetweenFilter(string Property, object Lower, object Upper) : StyleFilter
{
    public override bool Evaluate(Func<string, object?> getProperty)
    {
        var value = getProperty(Property);
        return FilterValues.Compare(value, Lower) >= 0 && FilterValues.Compare(value, Upper) <= 0;
    }
}
