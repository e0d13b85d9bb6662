using EnvGis.Data.Layers;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Rendering;
using EnvGis.Ows.Wms.Requests;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Wms.Map;

/// <summary>
/// GetMap: parse, answer 304 when the client's ETag is current, else draw each layer bottom to top
/// straight from the database stream, place the labels, and encode PNG (32-bit or palette) or JPEG.
/// </summary>
public sealed class GetMapHandler(MapRequestParser parser, MapLayerReader layers, LayerState state, WmsOptions options)
{
    private readonly SemaphoreSlim renders = new(options.MaxConcurrentRenders);

    public async Task HandleAsync(OwsCall call)
    {
        var request = parser.Parse(call, isMap: true);
        var etag = MapETag.Compute("GetMap", call.Version, call.Request.Parameters, call.Scope,
            request.Layers.Select(l => (l.Name, state.Version(l.Definition, call.Scope), l.Style.Style)),
            request.Time?.UsesToday == true ? request.Time.CacheKey : null);
        if (MapETag.Apply(call.Http, etag, call.Scope))
        {
            call.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        byte[] bytes;
        await renders.WaitAsync(call.Aborted);
        try
        {
            bytes = await RenderAsync(request, call);
        }
        finally
        {
            renders.Release();
        }

        call.Response.StatusCode = StatusCodes.Status200OK;
        call.Response.ContentType = request.Image.Format.ContentType;
        call.Response.ContentLength = bytes.Length;
        await call.Response.Body.WriteAsync(bytes, call.Aborted);
    }

    private async Task<byte[]> RenderAsync(MapRequest request, OwsCall call)
    {
        var view = request.View;
        using var canvas = new MapCanvas(view.Width, view.Height, request.Image.Canvas);
        var scale = view.ScaleDenominator;
        foreach (var layer in request.Layers)
        {
            var rules = layer.Style.At(scale);
            canvas.BeginLayer();
            if (!rules.IsEmpty)
            {
                await layers.DrawAsync(canvas, layer, rules, view, request.Time, call.Scope, call.Aborted);
            }
        }

        canvas.DrawLabels();
        return ImageEncoder.Encode(canvas.Bitmap, request.Image.Format.Encoding);
    }
}
