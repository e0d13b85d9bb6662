using EnvGis.Data.Features;
using EnvGis.Data.Layers;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wfs.Capabilities;
using EnvGis.Ows.Wfs.DescribeFeatureType;
using EnvGis.Ows.Wfs.GetFeature;
using EnvGis.Ows.Wfs.StoredQueries;
using EnvGis.Ows.Wfs.Transaction;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Wfs;

/// <summary>The Web Feature Service: versions 2.0.0, 1.1.0 and 1.0.0 and its table of operations.</summary>
public sealed class WfsService : IOwsService
{
    public const string ServiceName = "WFS";

    public WfsService(FeatureStore store, LayerState state, OwsOptions options, TransactionHandler transaction, StreamSlots slots)
    {
        var capabilities = new CapabilitiesHandler(state, options);
        var getFeature = new GetFeatureHandler(store, options, slots);
        var propertyValue = new GetPropertyValueHandler(store, getFeature, slots);
        Operations = new Dictionary<string, OwsOperation>(StringComparer.OrdinalIgnoreCase)
        {
            ["GetCapabilities"] = new("GetCapabilities", capabilities.HandleAsync),
            ["DescribeFeatureType"] = new("DescribeFeatureType", DescribeFeatureTypeHandler.HandleAsync),
            ["GetFeature"] = new("GetFeature", getFeature.HandleAsync),
            ["GetPropertyValue"] = new("GetPropertyValue", propertyValue.HandleAsync),
            ["ListStoredQueries"] = new("ListStoredQueries", StoredQueriesHandler.ListAsync),
            ["DescribeStoredQueries"] = new("DescribeStoredQueries", StoredQueriesHandler.DescribeAsync),
            ["Transaction"] = new("Transaction", transaction.HandleAsync),
        };
    }

    public string Name => ServiceName;

    public IReadOnlyList<string> Versions => WfsVersions.All;

    public IReadOnlyDictionary<string, OwsOperation> Operations { get; }

    public Task WriteExceptionAsync(HttpContext context, OwsException exception, string? version) =>
        ExceptionReportWriter.WriteAsync(context.Response, exception, version switch
        {
            WfsVersions.V110 => ExceptionReportWriter.Flavor.Ows10,
            WfsVersions.V100 => ExceptionReportWriter.Flavor.ServiceExceptionReport,
            _ => ExceptionReportWriter.Flavor.Ows11,
        });
}
