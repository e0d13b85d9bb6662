using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms.Capabilities;
using EnvGis.Ows.Wms.Exceptions;
using EnvGis.Ows.Wms.FeatureInfo;
using EnvGis.Ows.Wms.Legend;
using EnvGis.Ows.Wms.Map;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Wms;

/// <summary>The Web Map Service: versions 1.3.0 and 1.1.1 and its table of operations.</summary>
public sealed class WmsService : IOwsService
{
    public const string ServiceName = "WMS";

    public WmsService(CapabilitiesHandler capabilities, GetMapHandler getMap, GetFeatureInfoHandler featureInfo, GetLegendGraphicHandler legend)
    {
        Operations = new Dictionary<string, OwsOperation>(StringComparer.OrdinalIgnoreCase)
        {
            ["GetCapabilities"] = new("GetCapabilities", capabilities.HandleAsync),
            // WMS 1.0 name of GetCapabilities, still sent by some old clients.
            ["capabilities"] = new("GetCapabilities", capabilities.HandleAsync),
            ["GetMap"] = new("GetMap", getMap.HandleAsync),
            ["map"] = new("GetMap", getMap.HandleAsync),
            ["GetFeatureInfo"] = new("GetFeatureInfo", featureInfo.HandleAsync),
            ["GetLegendGraphic"] = new("GetLegendGraphic", legend.HandleAsync),
        };
    }

    public string Name => ServiceName;

    public IReadOnlyList<string> Versions => WmsVersions.All;

    public IReadOnlyDictionary<string, OwsOperation> Operations { get; }

    public Task WriteExceptionAsync(HttpContext context, OwsException exception, string? version) =>
        WmsExceptionWriter.WriteAsync(context, exception, version);
}
