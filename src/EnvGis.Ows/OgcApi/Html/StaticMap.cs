using System.Globalization;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Html;

/// <summary>
/// The small map of a page: an image drawn by our own WMS (the layer over the land, from the same
/// styles and the same visibility rules), so the page needs no script at all.
/// </summary>
public static class StaticMap
{
    public const string BaseLayer = "land";

    /// <summary>Lon/lat bounds of the city, for layers without visible records.</summary>
    public static readonly double[] CityBounds = [106.0, 20.0, 107.9, 21.4];

    public static void Write(HtmlWriter html, OgcApiContext context, string layer, double[]? bounds, string alt, bool withBase)
    {
        var (minX, minY, maxX, maxY) = Padded(bounds ?? CityBounds);
        const int width = 640;
        var height = (int)Math.Clamp(Math.Round(width * (maxY - minY) / (maxX - minX)), 160, 640);
        var layers = withBase && layer != BaseLayer ? $"{BaseLayer},{layer}" : layer;
        var box = string.Join(',', new[] { minX, minY, maxX, maxY }.Select(v => v.ToString("0.######", CultureInfo.InvariantCulture)));
        var src = $"{ServiceUrl.Base(context.Request)}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={Uri.EscapeDataString(layers)}"
                  + $"&STYLES=&CRS=CRS:84&BBOX={box}&WIDTH={width}&HEIGHT={height}&FORMAT=image/png";
        html.Open("figure", ("class", "map"))
            .Void("img", ("src", src), ("alt", alt), ("width", width.ToString(CultureInfo.InvariantCulture)), ("height", height.ToString(CultureInfo.InvariantCulture)))
            .Close("figure");
    }

    /// <summary>The bounds with a margin, never degenerate (a single point gets about a kilometre around it).</summary>
    private static (double, double, double, double) Padded(double[] b)
    {
        var dx = Math.Max((b[2] - b[0]) * 0.05, 0.01);
        var dy = Math.Max((b[3] - b[1]) * 0.05, 0.01);
        return (Math.Max(b[0] - dx, -180), Math.Max(b[1] - dy, -90), Math.Min(b[2] + dx, 180), Math.Min(b[3] + dy, 90));
    }
}
