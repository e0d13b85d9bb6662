using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Features;
using EnvGis.Data.Records;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wfs;
using EnvGis.Ows.Wfs.Transaction;
using EnvGis.Ows.Wmts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EnvGis.Ows;

/// <summary>Registers the OGC services and maps /ows, /wfs, /wms and /wmts onto the one dispatcher (and the WMTS REST paths).</summary>
public static class OwsEndpoints
{
    public static IServiceCollection AddOws(
        this IServiceCollection services,
        Func<IServiceProvider, LayerCatalogue> catalogue,
        Func<HttpContext, ReadScope> readScope,
        Func<HttpContext, WriteScope?>? writeScope = null)
    {
        services.AddSingleton(_ => new OwsOptions
        {
            Catalogue = context => catalogue(context.RequestServices),
            ReadScope = readScope,
            WriteScope = writeScope ?? (_ => null),
        });
        services.AddSingleton(sp => { var o = sp.GetRequiredService<OwsOptions>(); return new StreamSlots(o.MaxStreams, o.MaxStreamsPerClient); });
        services.AddSingleton<FeatureStore>();
        services.TryAddSingleton<RecordStore>();
        services.AddSingleton<TransactionHandler>();
        services.AddSingleton<IOwsService, WfsService>();
        services.AddSingleton<OwsDispatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapOws(this IEndpointRouteBuilder app)
    {
        var timeout = app.ServiceProvider.GetRequiredService<OwsOptions>().RequestTimeout;
        string[] methods = [HttpMethods.Get, HttpMethods.Post];
        Map(app, "/ows", null, methods, timeout);
        Map(app, "/wfs", WfsService.ServiceName, methods, timeout);
        Map(app, "/wms", "WMS", methods, timeout);
        Map(app, WmtsEndpoints.Path, WmtsService.ServiceName, methods, timeout);
        app.MapWmtsRest();
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, string? service, string[] methods, TimeSpan timeout) =>
        app.MapMethods(path, methods, (HttpContext context, OwsDispatcher dispatcher) => dispatcher.DispatchAsync(context, service))
            .WithRequestTimeout(timeout)
            .ExcludeFromDescription();
}
