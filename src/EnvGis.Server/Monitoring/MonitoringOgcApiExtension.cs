using System.Text.Json.Nodes;
using EnvGis.Ows.OgcApi.Extensions;

namespace EnvGis.Server.Monitoring;

/// <summary>Lists the EDR collection <c>monitoring</c> and its conformance classes at the OGC API root.</summary>
public sealed class MonitoringOgcApiExtension : IOgcApiExtension
{
    public IReadOnlyList<string> ConformanceClasses => MonitoringEdr.ConformanceClasses;

    public async Task<IReadOnlyList<JsonObject>> CollectionsAsync(HttpContext context, string baseUrl, CancellationToken ct) =>
        [await MonitoringEdr.CollectionAsync(context)];
}
