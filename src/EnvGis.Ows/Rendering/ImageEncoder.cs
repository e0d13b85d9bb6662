using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>Writes a rendered bitmap as PNG (32-bit or palette) or JPEG.</summary>
public static class ImageEncoder
{
    /// <summary>
    /// zlib level for PNG. Maps are flat colour: with the Sub filter, level 2 is three times as fast as
    /// libpng's default (level 6, adaptive filters) for files within a few percent of its size.
    /// </summary>
    public const int PngCompression = 2;

    public const int JpegQuality = 85;

    public static byte[] Encode(SKBitmap bitmap, ImageEncoding encoding)
    {
        using var pixmap = bitmap.PeekPixels();
        switch (encoding)
        {
            case ImageEncoding.Png8:
                return PaletteImage.Quantize(pixmap).ToPng();
            case ImageEncoding.Jpeg:
            {
                using var data = pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
                    ?? throw new InvalidOperationException("JPEG encoding failed.");
                return data.ToArray();
            }

            default:
            {
                using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, PngCompression))
                    ?? throw new InvalidOperationException("PNG encoding failed.");
                return data.ToArray();
            }
        }
    }
}
