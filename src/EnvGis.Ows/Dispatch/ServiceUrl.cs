using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Ows.Dispatch;

/// <summary>
/// The public URLs written into responses (capabilities, TileJSON, links): the configured public base
/// URL (<c>ENVGIS_PUBLIC_URL</c>, for a server behind a proxy) when there is one, else the request's own
/// scheme, host and path base. Every absolute URL a response hands out is built here.
/// </summary>
public static class ServiceUrl
{
    /// <summary>The public base URL without a trailing slash, e.g. <c>https://gis.haiphong.gov.vn</c>.</summary>
    public static string Base(HttpRequest request) =>
        request.HttpContext.RequestServices.GetService<PublicBaseUrl>()?.Value
        ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The public URL of the endpoint the request reached (no query string).</summary>
    public static string Of(HttpRequest request) => Base(request) + request.Path;
}

/// <summary>The configured public base URL (no trailing slash), registered only when one is configured.</summary>
public sealed record PublicBaseUrl(string Value);
