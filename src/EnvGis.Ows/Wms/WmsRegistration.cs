using EnvGis.Core.Styling;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms.Capabilities;
using EnvGis.Ows.Wms.FeatureInfo;
using EnvGis.Ows.Wms.Legend;
using EnvGis.Ows.Wms.Map;
using EnvGis.Ows.Wms.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Ows.Wms;

/// <summary>Adds the WMS to the OGC dispatcher (which AddOws registers and maps to /ows and /wms).</summary>
public static class WmsRegistration
{
    /// <param name="findStyle">The layer styles (the server's StyleLibrary), so maps, legends and the portal agree.</param>
    public static IServiceCollection AddWms(this IServiceCollection services, Func<IServiceProvider, Func<string, LayerStyle?>> findStyle)
    {
        services.AddSingleton(sp => new WmsOptions { FindStyle = findStyle(sp) });
        services.AddSingleton<WmsStyles>();
        services.AddSingleton<MapRequestParser>();
        services.AddSingleton<MapLayerReader>();
        services.AddSingleton<MapRenderer>();
        services.AddSingleton<LayerSummaries>();
        services.AddSingleton<CapabilitiesHandler>();
        services.AddSingleton<GetMapHandler>();
        services.AddSingleton<FeatureInfoReader>();
        services.AddSingleton<GetFeatureInfoHandler>();
        services.AddSingleton<GetLegendGraphicHandler>();
        services.AddSingleton<IOwsService, WmsService>();
        return services;
    }
}
