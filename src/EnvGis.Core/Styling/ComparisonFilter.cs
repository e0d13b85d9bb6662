namespace EnvGis.Core.Styling;

/// <summary>
/// Property compared with a literal (string, number or boolean): numerically when both read as
/// numbers, else as text. A missing value makes every comparison false, "ne" included, as in SQL.
/// </summary>
public abstract record ComparisonFilter(string Property, object Value) : StyleFilter
{
    public override bool Evaluate(Func<string, object?> getProperty) =>
        FilterValues.Compare(getProperty(Property), Value) is { } order && Accepts(order);

    /// <summary>Whether the comparison's outcome (negative, 0, positive) satisfies the operator.</summary>
    private protected abstract bool Accepts(int order);
}
