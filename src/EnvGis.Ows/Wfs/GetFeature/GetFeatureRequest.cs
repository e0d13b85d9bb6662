using EnvGis.Ows.Crs;
using EnvGis.Core.Filters;

namespace EnvGis.Ows.Wfs.GetFeature;

/// <summary>Results or only the number of matches.</summary>
public enum ResultType
{
    Results,
    Hits,
}

/// <summary>A sort key of SORTBY / fes:SortBy.</summary>
public sealed record SortKey(string Property, bool Descending);

/// <summary>One query: the type(s), filter, sort, projection and output CRS.</summary>
public sealed record QueryExpression(
    IReadOnlyList<string> TypeNames,
    FilterNode? Filter,
    IReadOnlyList<SortKey> SortBy,
    IReadOnlyList<string>? PropertyNames,
    CrsReference? SrsName);

/// <summary>
/// A parsed GetFeature (or GetPropertyValue) request, the same whether it came as KVP or XML.
/// <see cref="ById"/> marks the GetFeatureById stored query, whose answer is the bare feature.
/// </summary>
public sealed record GetFeatureRequest(
    IReadOnlyList<QueryExpression> Queries,
    long? Count,
    long StartIndex,
    ResultType ResultType,
    OutputFormat Format,
    bool ById,
    string? ValueReference);
