using EnvGis.Core.Filters;

namespace EnvGis.Ows.Csw;

/// <summary>A GetRecords request as parsed from KVP or XML: what to find, how much of it, and in which form.</summary>
public sealed record CswQuery(
    string TypeName,
    string OutputSchema,
    string ElementSet,
    bool Hits,
    int StartPosition,
    int MaxRecords,
    FilterNode? Constraint,
    string? SortBy,
    bool Descending);
