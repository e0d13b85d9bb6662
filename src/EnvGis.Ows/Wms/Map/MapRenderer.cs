using EnvGis.Core.Security;
using EnvGis.Ows.Rendering;
using EnvGis.Ows.Wms.Requests;

namespace EnvGis.Ows.Wms.Map;

/// <summary>
/// Draws a map (GetMap, WMTS tiles): each layer bottom to top straight from the database stream in
/// its style, then the labels, encoded as PNG (32-bit or palette) or JPEG; at most
/// <see cref="WmsOptions.MaxConcurrentRenders"/> at a time.
/// </summary>
public sealed class MapRenderer(MapLayerReader layers, WmsOptions options)
{
    private readonly SemaphoreSlim renders = new(options.MaxConcurrentRenders);

    public async Task<byte[]> RenderAsync(IReadOnlyList<MapLayer> mapLayers, MapView view, ImageRequest image, TimeFilter? time,
        ReadScope scope, CancellationToken ct)
    {
        await renders.WaitAsync(ct);
        try
        {
            using var canvas = new MapCanvas(view.Width, view.Height, image.Canvas);
            var scale = view.ScaleDenominator;
            foreach (var layer in mapLayers)
            {
                var rules = layer.Style.At(scale);
                canvas.BeginLayer();
                if (!rules.IsEmpty)
                {
                    await layers.DrawAsync(canvas, layer, rules, view, time, scope, ct);
                }
            }

            canvas.DrawLabels();
            return ImageEncoder.Encode(canvas.Bitmap, image.Format.Encoding);
        }
        finally
        {
            renders.Release();
        }
    }
}
