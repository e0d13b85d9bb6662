namespace EnvGis.Core.Filters;

/// <summary>An unbounded end of an interval (CQL2 and OGC API <c>'..'</c>).</summary>
public sealed record OpenBound : Expression
{
    public static OpenBound Instance { get; } = new();
}
