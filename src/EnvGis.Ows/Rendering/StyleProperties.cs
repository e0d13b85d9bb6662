using EnvGis.Core.Filters;

namespace EnvGis.Ows.Rendering;

/// <summary>The attribute names a style filter reads, so the map query selects only those columns.</summary>
public static class StyleProperties
{
    public static void Collect(FilterNode? filter, ISet<string> names) => FilterProperties.Collect(filter, names);
}
