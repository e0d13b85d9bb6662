using EnvGis.Core.Styling;

namespace EnvGis.Ows.Rendering;

/// <summary>The attribute names a style filter reads, so the map query selects only those columns.</summary>
public static class StyleProperties
{
    public static void Collect(StyleFilter? filter, ISet<string> names)
    {
        switch (filter)
        {
            case null:
                return;
            case ComparisonFilter c:
                names.Add(c.Property);
                break;
            case LikeFilter l:
                names.Add(l.Property);
                break;
            case IsNullFilter n:
                names.Add(n.Property);
                break;
            case BetweenFilter b:
                names.Add(b.Property);
                break;
            case LogicalFilter logical:
                foreach (var f in logical.Filters)
                {
                    Collect(f, names);
                }

                break;
            case NotFilter not:
                Collect(not.Filter, names);
                break;
        }
    }
}
