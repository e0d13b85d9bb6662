using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;

namespace EnvGis.Data.Features;

/// <summary>
/// A query over one layer's records. The caller's <see cref="Scope"/> is part of the query, so the
/// visibility predicate is always applied; <see cref="Filter"/> comes from a filter generator.
/// Records are ordered by <see cref="Sort"/> and then by id, so pages are stable.
/// </summary>
public sealed record FeatureQuery(
    LayerDefinition Layer,
    ReadScope Scope,
    IReadOnlyList<FeatureColumn> Columns,
    GeometryOutput Geometry,
    SqlCondition Filter,
    IReadOnlyList<FeatureSortKey> Sort,
    long Offset,
    long? Limit);
