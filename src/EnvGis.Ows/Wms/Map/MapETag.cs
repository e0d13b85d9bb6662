using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using EnvGis.Core.Security;
using EnvGis.Core.Styling;
using EnvGis.Ows.Dispatch;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Ows.Wms.Map;

/// <summary>
/// Validators of rendered images. The ETag is a hash of everything an image depends on: the request
/// parameters (names case-folded, sorted), the version, what the caller may see, the version of each
/// layer as that caller sees it (<see cref="Data.Layers.LayerState"/>) and its style, the day when
/// TIME said "current", and the renderer's revision. An edit the caller can see moves the layer's
/// version, so the next request gets a new ETag and a fresh image; an edit hidden from the caller
/// (another unit's draft) does not change the caller's ETag.
/// Cache-Control makes clients and proxies revalidate every time (no-cache): edits show at once.
/// </summary>
public static class MapETag
{
    /// <summary>Changed whenever the renderer draws differently, so cached images are not reused across versions.</summary>
    public const string RendererRevision = "skia-1";

    private static readonly ConditionalWeakTable<LayerStyle, string> StyleHashes = new();

    public static string Compute(string operation, string version, KeyValueParameters parameters, ReadScope scope,
        IEnumerable<(string Layer, string DataVersion, LayerStyle Style)> layers, string? timeKey)
    {
        var key = new StringBuilder(RendererRevision).Append('\n').Append(operation).Append('\n').Append(version)
            .Append('\n').Append(scope.CacheKey).Append('\n');
        foreach (var (name, value) in parameters.All
                     .Select(p => (Name: p.Key.ToUpperInvariant(), p.Value))
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            key.Append(name).Append('=').Append(value).Append('\n');
        }

        foreach (var (layer, dataVersion, style) in layers)
        {
            key.Append(layer).Append('@').Append(dataVersion).Append('#').Append(StyleHash(style)).Append('\n');
        }

        key.Append(timeKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()));
        return "\"" + Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>Sets ETag, Cache-Control and Vary; true when the client's If-None-Match already has this image (answer 304).</summary>
    public static bool Apply(HttpContext context, string etag, ReadScope scope)
    {
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = scope.IsAnonymous ? "public, no-cache" : "private, no-cache";
        response.Headers.Vary = "Authorization, Cookie";
        var tag = new EntityTagHeaderValue(etag);
        return context.Request.GetTypedHeaders().IfNoneMatch.Any(candidate =>
            candidate.Compare(tag, useStrongComparison: false) || candidate == EntityTagHeaderValue.Any);
    }

    private static string StyleHash(LayerStyle style) => StyleHashes.GetValue(style, s =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(StyleJson.Serialize(s))), 0, 8));
}
