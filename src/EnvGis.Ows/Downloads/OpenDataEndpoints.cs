using EnvGis.Ows.Csw;
using EnvGis.Ows.Metadata;
using EnvGis.Ows.OgcApi;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Extensions;
using EnvGis.Data.OpenData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// The open-data additions (docs/open-data.md): each collection's downloads and its ISO metadata record
/// under /ogcapi, linked from the collection documents through <see cref="IOgcApiCollectionLinks"/>, and
/// the CSW 2.0.2 catalogue at /csw.
/// </summary>
public static class OpenDataEndpoints
{
    public static IServiceCollection AddOpenData(this IServiceCollection services, DownloadOptions? options = null)
    {
        services.AddSingleton(options ?? new DownloadOptions());
        services.AddSingleton<SpatialReferenceStore>();
        services.AddSingleton<LayerFactsStore>();
        services.AddSingleton<MetadataBuilder>();
        services.AddSingleton<MetadataHandler>();
        services.AddSingleton<DownloadHandler>();
        services.AddSingleton<EnvGis.Data.Exchange.CodeListStore>();
        services.AddSingleton<BulkPackageBuilder>();
        services.AddSingleton<IOgcApiCollectionLinks, DownloadLinks>();
        services.AddSingleton<IOgcApiCollectionLinks, MetadataLinks>();
        services.AddSingleton<CswCatalogue>();
        services.AddSingleton<Dispatch.IOwsService, CswService>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var timeout = app.ServiceProvider.GetRequiredService<Dispatch.OwsOptions>().RequestTimeout;
        var api = app.MapGroup(OgcApiContext.Root);
        api.ExcludeFromDescription().WithRequestTimeout(timeout);
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        api.MapMethods("/collections/{collectionId}/download/{format}", read, (HttpContext h, string collectionId, string format, DownloadHandler d) =>
            OgcApiEndpoints.Run(h, c => d.HandleAsync(c, collectionId, format)));
        api.MapMethods("/collections/{collectionId}/metadata", read, (HttpContext h, string collectionId, MetadataHandler m) =>
            OgcApiEndpoints.Run(h, c => m.HandleAsync(c, collectionId)));
        // The catalogue service on the shared OGC dispatcher (also reachable as /ows?service=CSW).
        app.MapMethods("/csw", [HttpMethods.Get, HttpMethods.Post], (HttpContext context, Dispatch.OwsDispatcher dispatcher) =>
                dispatcher.DispatchAsync(context, CswNames.Service))
            .WithRequestTimeout(timeout).ExcludeFromDescription();
        return app;
    }
}
