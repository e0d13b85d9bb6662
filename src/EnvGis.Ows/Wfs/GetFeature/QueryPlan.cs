using EnvGis.Data.Features;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Features;

namespace EnvGis.Ows.Wfs.GetFeature;

/// <summary>A query ready to run: its type, the store query (without paging), the output CRS and the properties written.</summary>
public sealed record QueryPlan(FeatureType Type, FeatureQuery Query, CrsReference OutputCrs, IReadOnlyList<FeatureProperty> Output)
{
    public bool HasGeometry => Output.Any(p => p.IsGeometry);
}
