using EnvGis.Core.Filters;

namespace EnvGis.Ows.Wfs.Transaction;

/// <summary>
/// The features an Update, Delete or Replace acts on: the parsed filter (null: all the caller may
/// edit), the ids it names when it names only ids (each must exist), and the versions given with them
/// (<c>fes:ResourceId/@version</c>) for optimistic concurrency.
/// </summary>
public sealed record FeatureSelection(FilterNode? Filter, IReadOnlyList<string>? Ids, IReadOnlyDictionary<string, int> Versions);
