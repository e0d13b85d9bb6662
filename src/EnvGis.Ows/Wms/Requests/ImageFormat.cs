using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Rendering;

namespace EnvGis.Ows.Wms.Requests;

/// <summary>A GetMap output format: its MIME type as advertised and how the image is encoded.</summary>
public sealed record ImageFormat(string MimeType, ImageEncoding Encoding)
{
    public static ImageFormat Png { get; } = new("image/png", ImageEncoding.Png32);

    public static ImageFormat Png8 { get; } = new("image/png; mode=8bit", ImageEncoding.Png8);

    public static ImageFormat Jpeg { get; } = new("image/jpeg", ImageEncoding.Jpeg);

    /// <summary>The formats advertised, in order (MapServer's and GeoServer's names for 8-bit PNG both work).</summary>
    public static IReadOnlyList<string> Advertised { get; } = ["image/png", "image/png; mode=8bit", "image/png8", "image/jpeg"];

    public bool SupportsTransparency => Encoding != ImageEncoding.Jpeg;

    /// <summary>The Content-Type of the response.</summary>
    public string ContentType => Encoding == ImageEncoding.Jpeg ? "image/jpeg" : "image/png";

    public static ImageFormat? Find(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var normalized = value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return normalized switch
        {
            "image/png" or "png" or "image/png;mode=32bit" or "image/png;mode=24bit" or "image/png32" => Png,
            "image/png;mode=8bit" or "image/png8" or "png8" => Png8,
            "image/jpeg" or "jpeg" or "image/jpg" or "jpg" => Jpeg,
            _ => null,
        };
    }

    public static ImageFormat Parse(string? value, string parameter = "FORMAT") =>
        value is null
            ? throw OwsException.Missing(parameter)
            : Find(value) ?? throw new OwsException(WmsExceptionCodes.InvalidFormat,
                $"The format '{value}' is not offered; offered: {string.Join(", ", Advertised)}.", parameter);
}
