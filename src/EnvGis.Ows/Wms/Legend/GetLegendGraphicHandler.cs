using System.Globalization;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Rendering;
using EnvGis.Ows.Wms.Capabilities;
using EnvGis.Ows.Wms.Requests;
using Microsoft.AspNetCore.Http;
using SkiaSharp;

namespace EnvGis.Ows.Wms.Legend;

/// <summary>
/// GetLegendGraphic (SLD-WMS 1.1): a PNG (or JPEG) of a layer's style with a row per rule — symbol
/// and title in the LANGUAGE asked for (vi by default). LAYER is required; STYLE, RULE, SCALE,
/// WIDTH/HEIGHT (symbol size, 20 by default), TRANSPARENT and FORMAT are optional.
/// </summary>
public sealed class GetLegendGraphicHandler(WmsStyles styles)
{
    public const int MaxSymbolSize = 256;

    public async Task HandleAsync(OwsCall call)
    {
        var kvp = call.Request.Parameters;
        var layerName = kvp.Get("LAYER") ?? throw OwsException.Missing("LAYER");
        var layer = MapRequestParser.FindLayer(call, layerName, "LAYER");
        var style = styles.Resolve(layer, kvp.Get("STYLE"), "STYLE");
        var format = kvp.Get("FORMAT") is { } f ? ImageFormat.Parse(f) : ImageFormat.Png;
        var rule = kvp.Get("RULE");
        if (rule is not null && style.Rules.All(r => r.Rule.Name != rule))
        {
            throw OwsException.Invalid("RULE", $"The style '{style.Style.Name}' has no rule '{rule}'; its rules: {string.Join(", ", style.Rules.Select(r => r.Rule.Name))}.");
        }

        double? scale = kvp.Get("SCALE") is { } s
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw OwsException.Invalid("SCALE", $"SCALE must be a positive scale denominator; got '{s}'.")
            : null;
        var width = Size(kvp.Get("WIDTH"), "WIDTH");
        var height = Size(kvp.Get("HEIGHT"), "HEIGHT");
        var transparent = string.Equals(kvp.Get("TRANSPARENT"), "TRUE", StringComparison.OrdinalIgnoreCase) && format.SupportsTransparency;
        var language = WmsServiceDescription.Language(kvp.Get("LANGUAGE"));
        var renderer = LegendLayout.Renderer(style, language, rule, scale, (width, height));
        using var bitmap = renderer.Draw(transparent ? SKColors.Transparent : SKColors.White);
        var bytes = ImageEncoder.Encode(bitmap, format.Encoding);
        // A legend is the style only; a restricted layer's (shown to signed-in callers alone) stays private.
        call.Response.Headers.CacheControl = call.Scope.IsAnonymous ? "public, max-age=3600" : "private, max-age=3600";
        call.Response.ContentType = format.ContentType;
        call.Response.ContentLength = bytes.Length;
        await call.Response.Body.WriteAsync(bytes, call.Aborted);
    }

    private static int Size(string? value, string parameter)
    {
        if (value is null)
        {
            return LegendLayout.DefaultSymbolSize;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 4 and <= MaxSymbolSize
            ? size
            : throw OwsException.Invalid(parameter, $"{parameter} is the legend symbol's size in pixels, 4 to {MaxSymbolSize}; got '{value}'.");
    }
}
