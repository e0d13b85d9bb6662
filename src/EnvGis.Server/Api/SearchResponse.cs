namespace EnvGis.Server.Api;

/// <summary>The answer of /api/search: the query as understood and the records found.</summary>
public sealed record SearchResponse(string Query, IReadOnlyList<SearchResult> Results);
