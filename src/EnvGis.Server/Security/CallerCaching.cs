using Microsoft.Net.Http.Headers;

namespace EnvGis.Server.Security;

/// <summary>
/// Caches may not hand one caller's answer to another (docs/hardening.md, "Caching"). For every dynamic
/// answer (the API, the OGC services, tiles):
/// <list type="bullet">
/// <item><c>Vary: Authorization, Cookie</c>, so a cache keeps the anonymous answer apart from signed-in ones;</item>
/// <item>no Cache-Control set by the endpoint means <c>private, no-store</c> (capabilities, features, API reads:
/// caller-dependent by default; some clients, such as Qt in QGIS, ignore Vary, so nothing is stored);</item>
/// <item>an answer to a caller who sent credentials is never <c>public</c>.</item>
/// </list>
/// Only caller-independent answers to anonymous callers may say <c>public</c> (tiles, legends).
/// </summary>
public static class CallerCaching
{
    public const string PrivateNoStore = "private, no-store";

    private static readonly string[] DynamicPaths = ["/api", "/ows", "/wfs", "/wms", "/csw", "/tiles", "/openapi", "/health"];

    public static IApplicationBuilder UseCallerCaching(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (DynamicPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
        }

        return next(context);
    });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var vary = headers.Vary.ToString();
        if (!vary.Contains("Authorization", StringComparison.OrdinalIgnoreCase) || !vary.Contains("Cookie", StringComparison.OrdinalIgnoreCase))
        {
            headers.Vary = vary.Length == 0 ? "Authorization, Cookie" : vary + ", Authorization, Cookie";
        }

        var cacheControl = headers.CacheControl.ToString();
        if (cacheControl.Length == 0)
        {
            headers.CacheControl = PrivateNoStore;
        }
        else if (SentCredentials(context.Request) && CacheControlHeaderValue.TryParse(cacheControl, out var parsed) && parsed.Public)
        {
            parsed.Public = false;
            parsed.Private = true;
            headers.CacheControl = parsed.ToString();
        }
    }

    private static bool SentCredentials(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Cookies.ContainsKey(SecurityServices.SessionCookie);
}
