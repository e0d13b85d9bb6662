namespace EnvGis.Core.Filters;

/// <summary>Bounds on what one filter may ask, so that no request can make the database work without end.</summary>
public static class FilterLimits
{
    /// <summary>Nesting of logical operators and expressions.</summary>
    public const int MaxDepth = 50;

    /// <summary>Predicates in one filter.</summary>
    public const int MaxPredicates = 500;

    /// <summary>Characters of one string literal or LIKE pattern.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Wildcards (<c>%</c>) in one LIKE pattern: backtracking grows with their number.</summary>
    public const int MaxLikeWildcards = 10;

    /// <summary>Values of one IN list.</summary>
    public const int MaxListValues = 1000;

    /// <summary>Coordinates of all geometry literals of one filter.</summary>
    public const int MaxCoordinates = 100_000;

    /// <summary>Characters of a filter's text (CQL2 text or JSON).</summary>
    public const int MaxFilterLength = 256 * 1024;
}
