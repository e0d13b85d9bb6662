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
/// The open-data additions to /ogcapi (docs/open-data.md): each collection's downloads and its ISO
/// metadata record, linked from the collection documents through <see cref="IOgcApiCollectionLinks"/>.
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
        services.AddSingleton<IOgcApiCollectionLinks, DownloadLinks>();
        services.AddSingleton<IOgcApiCollectionLinks, MetadataLinks>();
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
        return app;
    }
}
