namespace EnvGis.Core.Filters;

/// <summary>All operands hold.</summary>
public sealed record AndNode(IReadOnlyList<FilterNode> Operands) : FilterNode
{
    public bool Equals(AndNode? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => Operands.Count;
}
