using EnvGis.Data.Features;
using EnvGis.Ows.Wfs.GetFeature;

namespace EnvGis.Ows.Wfs.Output;

/// <summary>A streaming feature collection writer: start, one call per record, end.</summary>
public abstract class FeatureOutput : IAsyncDisposable
{
    public abstract Task StartAsync(CollectionInfo info);

    public abstract ValueTask WriteAsync(QueryPlan plan, FeatureReader reader);

    public abstract Task EndAsync();

    public abstract ValueTask DisposeAsync();
}
