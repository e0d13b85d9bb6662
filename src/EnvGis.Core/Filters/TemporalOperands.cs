using EnvGis.Core.Catalogue;

namespace EnvGis.Core.Filters;

/// <summary>What kind of temporal operand an expression is.</summary>
public static class TemporalOperands
{
    /// <summary>An interval literal or the validity period (otherwise an instant).</summary>
    public static bool IsInterval(Expression e) =>
        e is IntervalExpression || e is PropertyReference { Name: PublicColumns.ValidityPeriod };

    /// <summary>Refuses instants where the relation is defined only between intervals (CQL2).</summary>
    public static void Check(TemporalNode node)
    {
        if (TemporalRelations.NeedsIntervals(node.Operator) && (!IsInterval(node.Left) || !IsInterval(node.Right)))
        {
            throw new FilterException(
                $"The temporal relation {node.Operator} is defined between intervals only; use INTERVAL(…) or the property '{PublicColumns.ValidityPeriod}' on both sides.");
        }
    }
}
