namespace EnvGis.Core.Filters;

/// <summary>The value equals one of the list (CQL2 <c>IN</c>).</summary>
public sealed record InNode(Expression Value, IReadOnlyList<Expression> List) : FilterNode
{
    public bool Equals(InNode? other) => other is not null && Value.Equals(other.Value) && List.SequenceEqual(other.List);

    public override int GetHashCode() => HashCode.Combine(Value, List.Count);
}
