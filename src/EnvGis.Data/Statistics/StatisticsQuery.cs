using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Core.Statistics;

namespace EnvGis.Data.Statistics;

/// <summary>
/// A statistics request, already checked: the layers to count (those the caller may see, maybe one),
/// the caller's read scope, the grouping and the period (inclusive local days; null ends are open).
/// </summary>
public sealed record StatisticsQuery(IReadOnlyList<LayerDefinition> Layers, ReadScope Scope, StatisticsGroup Group, DateOnly? From, DateOnly? To);
