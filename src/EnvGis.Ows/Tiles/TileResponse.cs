using EnvGis.Data.Tiles.Cache;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Ows.Tiles;

/// <summary>
/// Writes a tile (vector tile or WMTS image) with the headers a CDN and a browser need (docs/tiles.md
/// "URLs and HTTP caching"): a strong ETag per encoding, 304 to a matching If-None-Match (from the
/// cache, without reading the data), brotli or gzip when the client accepts them and the tile has
/// them, and Cache-Control: immutable for a public tile asked for with its current version,
/// revalidation otherwise, and private for anything that depends on the caller.
/// </summary>
public static class TileResponse
{
    /// <summary>A year: versioned URLs change whenever the tile may change.</summary>
    public const int ImmutableSeconds = 31_536_000;

    /// <summary>Says how the cache served the tile: hit, miss or bypass.</summary>
    public const string CacheHeader = "X-Tile-Cache";

    public static async Task WriteAsync(HttpContext context, TileContent content, TileCacheOutcome outcome, string contentType,
        bool shared, bool currentVersion)
    {
        var response = context.Response;
        response.Headers.CacheControl = (shared, currentVersion) switch
        {
            (true, true) => $"public, max-age={ImmutableSeconds}, immutable",
            (true, false) => "public, no-cache",
            _ => "private, no-cache",
        };
        response.Headers.Vary = "Accept-Encoding, Authorization, Cookie";
        response.Headers[CacheHeader] = outcome.ToString().ToLowerInvariant();
        if (content.Raw.Length == 0)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var (body, encoding, suffix) = Choose(context.Request, content);
        var etag = suffix.Length == 0 ? content.ETag : content.ETag[..^1] + suffix + "\"";
        response.Headers.ETag = etag;
        if (Matches(context.Request, content.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    // The smallest encoding the client accepts (q > 0): brotli, then gzip, else the raw bytes.
    private static (byte[] Body, string? Encoding, string Suffix) Choose(HttpRequest request, TileContent content)
    {
        var accepted = request.Headers.AcceptEncoding;
        if (accepted.Count == 0 || (content.Brotli is null && content.Gzip is null))
        {
            return (content.Raw, null, "");
        }

        var offers = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string name) => offers.Any(o =>
            o.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && (o.Quality ?? 1) > 0);
        if (content.Brotli is not null && Accepts("br"))
        {
            return (content.Brotli, "br", "-br");
        }

        return content.Gzip is not null && Accepts("gzip") ? (content.Gzip, "gzip", "-gz") : (content.Raw, null, "");
    }

    // Any encoding of the same bytes matches: they all stand for one version of the tile.
    private static bool Matches(HttpRequest request, string etag)
    {
        var opaque = etag[1..^1];
        foreach (var candidate in request.GetTypedHeaders().IfNoneMatch)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any))
            {
                return true;
            }

            var tag = candidate.Tag.Value?.Trim('"') ?? "";
            if (tag == opaque || tag == opaque + "-br" || tag == opaque + "-gz")
            {
                return true;
            }
        }

        return false;
    }
}
