using System.Globalization;
using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>Style colours (<c>#rrggbb</c>) with an opacity, as SkiaSharp colours.</summary>
public static class Colors
{
    public static SKColor Parse(string? hex, double? opacity = null, string fallback = "#808080")
    {
        var text = hex is { Length: 7 } && hex[0] == '#' ? hex : fallback;
        var rgb = uint.Parse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var alpha = (byte)Math.Clamp(Math.Round((opacity ?? 1) * 255), 0, 255);
        return new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb, alpha);
    }
}
