namespace EnvGis.Core.Styling;

/// <summary>ogc:And / ogc:Or over two or more filters.</summary>
public abstract record LogicalFilter(IReadOnlyList<StyleFilter> Filters) : StyleFilter;
