using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Ows.OgcApi.Common;

/// <summary>
/// Which encoding a request wants: <c>f=json</c> / <c>f=html</c> decide; otherwise HTML only when the
/// Accept header prefers it to JSON (browsers), JSON for everything else (GDAL, QGIS, OWSLib, curl).
/// </summary>
public static class Negotiation
{
    public const string FormatParameter = "f";

    public static OgcApiFormat Format(HttpRequest request)
    {
        if (request.Query.TryGetValue(FormatParameter, out var f))
        {
            return f.ToString().ToLowerInvariant() switch
            {
                "json" or "geojson" or MediaTypes.Json or MediaTypes.GeoJson => OgcApiFormat.Json,
                "html" or MediaTypes.Html => OgcApiFormat.Html,
                _ => throw OgcApiException.Invalid(FormatParameter, $"f is json or html, not '{Shorten(f.ToString())}'."),
            };
        }

        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return OgcApiFormat.Json;
        }

        double Quality(Func<string, bool> matches) =>
            accepted.Where(a => matches(a.MediaType.Value ?? "")).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var html = Quality(m => m.Equals(MediaTypes.Html, StringComparison.OrdinalIgnoreCase));
        var json = Quality(m => m.Contains("json", StringComparison.OrdinalIgnoreCase));
        return html > 0 && html >= json ? OgcApiFormat.Html : OgcApiFormat.Json;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
