using System.Text.Encodings.Web;
using System.Text.Json;
using EnvGis.Core.Security;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.OgcApi.Common;

/// <summary>Writes OGC API responses: JSON and HTML with the caching headers every response needs.</summary>
public static class OgcApiResponses
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>
    /// Caching: what anonymous callers get is the same for every anonymous caller and may be kept a
    /// minute (public, varying on what changes it); what a signed-in caller gets is private and not stored.
    /// </summary>
    public static void CacheHeaders(HttpResponse response, ReadScope scope, TimeSpan publicMaxAge)
    {
        response.Headers.Vary = "Accept, Authorization, Cookie";
        response.Headers.CacheControl = scope.IsAnonymous && response.HttpContext.Request.Headers.Authorization.Count == 0
            ? $"public, max-age={(int)publicMaxAge.TotalSeconds}"
            : "private, no-store";
    }

    public static async Task JsonAsync(OgcApiContext context, string contentType, Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType + (contentType.Contains("charset", StringComparison.Ordinal) ? "" : "; charset=utf-8");
        await using var json = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        write(json);
        await json.FlushAsync(context.Aborted);
    }

    public static async Task HtmlAsync(OgcApiContext context, string html, int status = StatusCodes.Status200OK)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html, context.Aborted);
    }

    public static void WriteLinks(Utf8JsonWriter json, IEnumerable<OgcLink> links)
    {
        json.WriteStartArray("links");
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("href", link.Href);
            json.WriteString("rel", link.Rel);
            if (link.Type is not null)
            {
                json.WriteString("type", link.Type);
            }

            if (link.Title is not null)
            {
                json.WriteString("title", link.Title);
            }

            if (link.HrefLang is not null)
            {
                json.WriteString("hreflang", link.HrefLang);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
