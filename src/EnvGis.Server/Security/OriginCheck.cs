using EnvGis.Ows.Dispatch;

namespace EnvGis.Server.Security;

/// <summary>
/// Refuses state-changing requests (anything but GET, HEAD, OPTIONS) that a browser sent from another
/// site, whatever their authentication: a page elsewhere must not use a visitor's session cookie or the
/// Basic credentials the browser remembers. Allowed: the server's own origin (the public URL when one is
/// configured, else the request's), and clients that say nothing (no Origin, no Sec-Fetch-Site: QGIS,
/// GDAL, scripts). The refusal is 403 in the protocol's form (docs/hardening.md, "Cross-site requests").
/// </summary>
public static class OriginCheck
{
    public const string ProblemCode = "foreign-origin";

    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && IsForeign(request))
        {
            await RefuseAsync(context);
            return;
        }

        await next(context);
    });

    private static bool IsForeign(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return !(Uri.TryCreate(origin, UriKind.Absolute, out var from)
                     && (SameOrigin(from, ServiceUrl.Base(request)) || SameOrigin(from, $"{request.Scheme}://{request.Host}")));
        }

        // Browsers that send no Origin still say where a request comes from.
        return request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";
    }

    private static bool SameOrigin(Uri origin, string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var own)
        && string.Equals(origin.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(origin.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
        && origin.Port == own.Port;

    private static async Task RefuseAsync(HttpContext context)
    {
        const string message = "Requests that change something are not accepted from pages of other sites.";
        var path = context.Request.Path;
        if (path.StartsWithSegments("/ows") || path.StartsWithSegments("/wfs") || path.StartsWithSegments("/wms"))
        {
            await ExceptionReportWriter.WriteAsync(context.Response,
                new OwsException(OwsException.NoApplicableCode, message, "Origin", StatusCodes.Status403Forbidden),
                ExceptionReportWriter.Flavor.Ows11);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused", detail: message,
            extensions: new Dictionary<string, object?> { ["code"] = ProblemCode }).ExecuteAsync(context);
    }
}
