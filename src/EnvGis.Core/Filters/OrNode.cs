namespace EnvGis.Core.Filters;

/// <summary>At least one operand holds.</summary>
public sealed record OrNode(IReadOnlyList<FilterNode> Operands) : FilterNode
{
    public bool Equals(OrNode? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => Operands.Count;
}
