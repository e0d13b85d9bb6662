using EnvGis.Ows.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Ows.Wmts;

/// <summary>Adds the WMTS to the OGC dispatcher (after AddWms: it draws with the WMS renderer and styles).</summary>
public static class WmtsRegistration
{
    public static IServiceCollection AddWmts(this IServiceCollection services)
    {
        services.AddSingleton<WmtsCapabilitiesHandler>();
        services.AddSingleton<GetTileHandler>();
        services.AddSingleton<IOwsService, WmtsService>();
        return services;
    }
}
