using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using EnvGis.Core.Styling;
using EnvGis.Data.Changes;
using EnvGis.Data.Layers;
using EnvGis.Data.Tiles.Cache;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Tiles;
using EnvGis.Ows.Wms;
using EnvGis.Ows.Wms.Map;
using EnvGis.Ows.Wms.Requests;

namespace EnvGis.Ows.Wmts;

/// <summary>
/// GetTile: the tile drawn by the WMS renderer in the layer's style, through the tile cache (keyed by
/// layer, matrix set, style, format, level, row, column and the caller's visibility, like the vector
/// tiles), with the same HTTP caching rules (<see cref="TileResponse"/>).
/// </summary>
public sealed class GetTileHandler(WmsStyles styles, MapRenderer renderer, TileCache cache, LayerState state)
{
    private static readonly ConditionalWeakTable<LayerStyle, string> StyleHashes = new();

    /// <summary>KVP GetTile through the dispatcher.</summary>
    public Task HandleAsync(OwsCall call)
    {
        var p = call.Request.Parameters;
        var request = WmtsTileRequest.Parse(call, styles, p.Get("LAYER"), p.Get("STYLE"), p.Get("FORMAT"),
            p.Get("TILEMATRIXSET"), p.Get("TILEMATRIX"), p.Get("TILEROW"), p.Get("TILECOL"));
        return WriteAsync(call, request);
    }

    public async Task WriteAsync(OwsCall call, WmtsTileRequest request)
    {
        var scope = call.Scope;
        var key = new TileCacheKey(request.Layer.Name, Variant(request), request.Matrix.Level, request.Column, request.Row,
            VisibilityKey.Of(scope));
        var (content, outcome) = await cache.GetOrRenderAsync(key,
            () => request.Set.LonLatBounds(request.Matrix, request.Row, request.Column),
            ct => renderer.RenderAsync([new MapLayer(request.Layer, request.Style)], request.View, request.Image, null, scope, ct),
            compress: false, call.Aborted);
        var asked = call.Request.Parameters.Get("v");
        await TileResponse.WriteAsync(call.Http, content, outcome, request.Format.ContentType,
            shared: scope.IsAnonymous && !request.Layer.Restricted,
            currentVersion: asked is not null && asked == state.Version(request.Layer, scope));
    }

    // Everything besides the data that changes the picture: matrix set, style (and its content), format, renderer.
    private static string Variant(WmtsTileRequest request) =>
        $"wmts/{request.Set.Identifier}/{request.Style.Style.Name}@{StyleHash(request.Style.Style)}/{request.Format.Encoding}/{MapETag.RendererRevision}";

    private static string StyleHash(LayerStyle style) => StyleHashes.GetValue(style, s =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(StyleJson.Serialize(s))), 0, 8));
}
