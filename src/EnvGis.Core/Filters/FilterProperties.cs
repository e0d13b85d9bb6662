namespace EnvGis.Core.Filters;

/// <summary>The property names a filter reads (e.g. so a map query selects only those columns).</summary>
public static class FilterProperties
{
    public static void Collect(FilterNode? node, ISet<string> names)
    {
        switch (node)
        {
            case null or BooleanNode or ResourceIdNode:
                return;
            case AndNode and:
                foreach (var operand in and.Operands)
                {
                    Collect(operand, names);
                }

                return;
            case OrNode or:
                foreach (var operand in or.Operands)
                {
                    Collect(operand, names);
                }

                return;
            case NotNode not:
                Collect(not.Operand, names);
                return;
            case ComparisonNode c:
                Collect(c.Left, names);
                Collect(c.Right, names);
                return;
            case LikeNode like:
                Collect(like.Value, names);
                Collect(like.Pattern, names);
                return;
            case BetweenNode b:
                Collect(b.Value, names);
                Collect(b.Lower, names);
                Collect(b.Upper, names);
                return;
            case InNode i:
                Collect(i.Value, names);
                foreach (var item in i.List)
                {
                    Collect(item, names);
                }

                return;
            case NullNode n:
                Collect(n.Value, names);
                return;
            case SpatialNode s when s.Property is not null:
                names.Add(s.Property.Name);
                return;
            case DistanceNode d when d.Property is not null:
                names.Add(d.Property.Name);
                return;
            case TemporalNode t:
                Collect(t.Left, names);
                Collect(t.Right, names);
                return;
        }
    }

    public static void Collect(Expression expression, ISet<string> names)
    {
        switch (expression)
        {
            case PropertyReference p:
                names.Add(p.Name);
                break;
            case CaseInsensitive c:
                Collect(c.Operand, names);
                break;
            case AccentInsensitive a:
                Collect(a.Operand, names);
                break;
            case IntervalExpression i:
                Collect(i.Start, names);
                Collect(i.End, names);
                break;
        }
    }
}
