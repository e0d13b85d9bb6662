using EnvGis.Ows.Dispatch;
using Microsoft.OpenApi;

namespace EnvGis.Server.Hosting;

/// <summary>
/// The OpenAPI document names the server by <see cref="ServiceUrl.Base"/> (the public URL), like every other
/// absolute URL EnvGis writes, instead of the request's Host header (docs/hardening.md).
/// </summary>
public static class OpenApiServers
{
    public static IServiceCollection AddEnvGisOpenApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        return services.AddOpenApi(options => options.AddDocumentTransformer((document, context, _) =>
        {
            var http = context.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext;
            document.Servers = http is null ? [] : [new OpenApiServer { Url = ServiceUrl.Base(http.Request) }];
            return Task.CompletedTask;
        }));
    }
}
