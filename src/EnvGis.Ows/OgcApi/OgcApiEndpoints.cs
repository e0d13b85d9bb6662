using EnvGis.Core.Filters;
using EnvGis.Core.Records;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.OgcApi.Collections;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Items;
using EnvGis.Ows.OgcApi.Landing;
using EnvGis.Ows.OgcApi.OpenApi;
using EnvGis.Ows.OgcApi.Queryables;
using EnvGis.Ows.OgcApi.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnvGis.Ows.OgcApi;

/// <summary>
/// OGC API – Features under /ogcapi (docs/ogcapi.md): landing page, conformance, the OpenAPI definition,
/// collections, items, one item, queryables, and Part 4 writes. Every refusal is a problem response
/// (never a 500); the caller's read scope governs every read, as on every other channel.
/// </summary>
public static class OgcApiEndpoints
{
    /// <summary>Registers the OGC API; call after AddOws (it uses the same stores, catalogue and scopes).</summary>
    public static IServiceCollection AddOgcApi(this IServiceCollection services, OgcApiOptions? options = null)
    {
        services.AddSingleton(options ?? new OgcApiOptions());
        services.AddSingleton<CollectionDescriber>();
        services.AddSingleton<LandingHandler>();
        services.AddSingleton<CollectionsHandler>();
        services.AddSingleton<ItemsHandler>();
        services.AddSingleton<ItemHandler>();
        services.AddSingleton<ItemWriteHandler>();
        services.AddSingleton<OpenApiHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        var timeout = app.ServiceProvider.GetRequiredService<OwsOptions>().RequestTimeout;
        var api = app.MapGroup(OgcApiContext.Root);
        api.ExcludeFromDescription().WithRequestTimeout(timeout);
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        api.MapMethods("", read, (HttpContext h, LandingHandler l) => Run(h, c => l.LandingAsync(c)));
        api.MapMethods("/conformance", read, (HttpContext h, LandingHandler l) => Run(h, c => l.ConformanceAsync(c)));
        api.MapMethods("/api", read, (HttpContext h, OpenApiHandler o) => Run(h, o.HandleAsync));
        api.MapMethods("/collections", read, (HttpContext h, CollectionsHandler k) => Run(h, k.ListAsync));
        api.MapMethods("/collections/{collectionId}", read, (HttpContext h, string collectionId, CollectionsHandler k) =>
            Run(h, c => k.OneAsync(c, collectionId)));
        api.MapMethods("/collections/{collectionId}/queryables", read, (HttpContext h, string collectionId) =>
            Run(h, c => QueryablesHandler.HandleAsync(c, collectionId)));
        api.MapMethods("/collections/{collectionId}" + QueryablesHandler.SchemaPath, read, (HttpContext h, string collectionId) =>
            Run(h, c => QueryablesHandler.HandleAsync(c, collectionId, schema: true)));
        api.MapMethods("/collections/{collectionId}/items", read, (HttpContext h, string collectionId, ItemsHandler i) =>
            Run(h, c => i.HandleAsync(c, collectionId)));
        api.MapPost("/collections/{collectionId}/items", (HttpContext h, string collectionId, ItemWriteHandler w) =>
            Run(h, c => w.CreateAsync(c, collectionId)));
        api.MapMethods("/collections/{collectionId}/items", [HttpMethods.Options], (HttpContext h, string collectionId, ItemWriteHandler w) =>
            Run(h, c => Sync(() => w.Options(c, collectionId, item: false))));
        api.MapMethods("/collections/{collectionId}/items/{featureId}", read, (HttpContext h, string collectionId, string featureId, ItemHandler i) =>
            Run(h, c => i.HandleAsync(c, collectionId, featureId)));
        api.MapPut("/collections/{collectionId}/items/{featureId}", (HttpContext h, string collectionId, string featureId, ItemWriteHandler w) =>
            Run(h, c => w.ReplaceAsync(c, collectionId, featureId)));
        api.MapPatch("/collections/{collectionId}/items/{featureId}", (HttpContext h, string collectionId, string featureId, ItemWriteHandler w) =>
            Run(h, c => w.UpdateAsync(c, collectionId, featureId)));
        api.MapDelete("/collections/{collectionId}/items/{featureId}", (HttpContext h, string collectionId, string featureId, ItemWriteHandler w) =>
            Run(h, c => w.DeleteAsync(c, collectionId, featureId)));
        api.MapMethods("/collections/{collectionId}/items/{featureId}", [HttpMethods.Options], (HttpContext h, string collectionId, string featureId, ItemWriteHandler w) =>
            Run(h, c => Sync(() => w.Options(c, collectionId, item: true))));
        api.MapGet("/assets/ogcapi.css", Stylesheet);
        return app;
    }

    private static Task Sync(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    /// <summary>Runs a handler; refusals become problem responses with the right status, database hiccups a 503, never a 500.</summary>
    internal static async Task Run(HttpContext http, Func<OgcApiContext, Task> handler)
    {
        var format = OgcApiFormat.Json;
        try
        {
            var context = new OgcApiContext(http, http.RequestServices.GetRequiredService<OwsOptions>());
            format = context.Format;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            {
                OgcApiResponses.CacheHeaders(http.Response, context.Scope, http.RequestServices.GetRequiredService<OgcApiOptions>().PublicMaxAge);
            }

            await handler(context);
        }
        catch (Exception e) when (e is OgcApiException or FilterException or RecordException && !http.Response.HasStarted)
        {
            await OgcApiProblem.WriteAsync(http, OgcApiProblem.From(e), format);
        }
        catch (PostgresException e) when ((e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState == "XX000") && !http.Response.HasStarted)
        {
            // Data exceptions (a geometry that cannot be transformed, an out-of-range value) come from the request's values.
            Logger(http).LogInformation("OGC API request refused by the database: {State} {Message}", e.SqlState, e.MessageText);
            await OgcApiProblem.WriteAsync(http, new OgcApiException(400, "invalid-value",
                "A value of the request could not be processed (for example a geometry that cannot be transformed)."), format);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            if (!http.Response.HasStarted)
            {
                await OgcApiProblem.WriteAsync(http, new OgcApiException(503, "timeout", "The request took too long and was cancelled."), format);
            }
        }
        catch (NpgsqlException e) when (!http.Response.HasStarted)
        {
            Logger(http).LogError(e, "OGC API request failed in the database");
            await OgcApiProblem.WriteAsync(http, new OgcApiException(503, "database-unavailable", "The database could not answer this request; try again later."), format);
        }
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("EnvGis.Ows.OgcApi");

    /// <summary>The pages' stylesheet, from the assembly (it is not part of the portal's build).</summary>
    private static async Task Stylesheet(HttpContext http)
    {
        await using var stream = typeof(OgcApiEndpoints).Assembly.GetManifestResourceStream("EnvGis.Ows.OgcApi.Assets.ogcapi.css")!;
        http.Response.ContentType = "text/css; charset=utf-8";
        http.Response.Headers.CacheControl = "public, max-age=3600";
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
