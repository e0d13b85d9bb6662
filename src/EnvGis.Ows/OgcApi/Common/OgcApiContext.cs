using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.OgcApi.Common;

/// <summary>
/// What every OGC API handler works with: the request, the caller's read scope, the catalogue, the
/// public base URL of the API (from <see cref="ServiceUrl"/>), the negotiated encoding and the language
/// of titles and pages (<c>lang=vi|en</c>, Vietnamese by default).
/// </summary>
public sealed class OgcApiContext
{
    public const string Root = "/ogcapi";
    public const string LanguageParameter = "lang";

    public OgcApiContext(HttpContext http, OwsOptions options)
    {
        Http = http;
        Scope = options.ReadScope(http);
        Catalogue = options.Catalogue(http);
        BaseUrl = ServiceUrl.Base(http.Request) + Root;
        Format = Negotiation.Format(http.Request);
        Language = http.Request.Query.TryGetValue(LanguageParameter, out var lang)
            ? lang.ToString() switch
            {
                "vi" => "vi",
                "en" => "en",
                _ => throw OgcApiException.Invalid(LanguageParameter, "lang is vi or en."),
            }
            : "vi";
    }

    public HttpContext Http { get; }

    public HttpRequest Request => Http.Request;

    public HttpResponse Response => Http.Response;

    public CancellationToken Aborted => Http.RequestAborted;

    public ReadScope Scope { get; }

    public LayerCatalogue Catalogue { get; }

    /// <summary>The public URL of the API root, e.g. https://gis.haiphong.gov.vn/ogcapi.</summary>
    public string BaseUrl { get; }

    public OgcApiFormat Format { get; }

    public string Language { get; }

    /// <summary>The layers the caller may read, in catalogue order.</summary>
    public IReadOnlyList<LayerDefinition> VisibleLayers => Catalogue.Layers.Where(Scope.CanSee).ToList();

    /// <summary>A layer the caller may read; any other name (restricted layers included) is 404, as on every channel.</summary>
    public LayerDefinition Layer(string name) =>
        Catalogue.Find(name) is { } layer && Scope.CanSee(layer)
            ? layer
            : throw OgcApiException.NotFound($"There is no collection '{(name.Length > 60 ? name[..60] + "…" : name)}' that you may read.");

    public string Text(LocalizedText text) => text.In(Language);

    /// <summary>A URL under the API root with the given query (format and language as asked).</summary>
    public string Url(string path, OgcApiFormat? format = null, string? language = null, string? query = null)
    {
        var parts = new List<string>();
        if (format is { } f)
        {
            parts.Add("f=" + (f == OgcApiFormat.Html ? "html" : "json"));
        }

        if ((language ?? (Language == "vi" ? null : Language)) is { } lang)
        {
            parts.Add("lang=" + lang);
        }

        if (!string.IsNullOrEmpty(query))
        {
            parts.Add(query);
        }

        return BaseUrl + path + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }

    /// <summary>Refuses query parameters the resource does not define (OGC API Features /req/core/query-param-unknown).</summary>
    public void AllowParameters(IReadOnlySet<string> allowed, Func<string, bool>? alsoAllowed = null)
    {
        foreach (var key in Request.Query.Keys)
        {
            if (key != Negotiation.FormatParameter && key != LanguageParameter && !allowed.Contains(key) && alsoAllowed?.Invoke(key) != true)
            {
                throw OgcApiException.Invalid(key, $"The parameter '{(key.Length > 60 ? key[..60] + "…" : key)}' is not defined for this resource.", "unknown-parameter");
            }
        }
    }
}
