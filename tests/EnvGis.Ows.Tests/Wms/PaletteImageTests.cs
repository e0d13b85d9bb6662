using EnvGis.Ows.Rendering;
using SkiaSharp;

namespace EnvGis.Ows.Tests.Wms;

/// <summary>8-bit palette PNG: exact for few colours, close for many, transparent stays transparent, decoders read it.</summary>
public sealed class PaletteImageTests
{
    [Fact]
    public void Few_colours_are_kept_exactly()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(40, 30, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var fill = new SKPaint { Color = new SKColor(0x1b, 0x78, 0x37, 89) };
            canvas.DrawRect(5, 5, 20, 20, fill);
            using var solid = new SKPaint { Color = new SKColor(0xf2, 0xef, 0xe9) };
            canvas.DrawRect(25, 0, 15, 30, solid);
        }

        var png = ImageEncoder.Encode(bitmap, ImageEncoding.Png8);
        Assert.Equal(3, png[25]); // colour type: palette
        using var decoded = Decode(png);
        Assert.Equal(0, decoded.GetPixel(1, 1).Alpha);
        Assert.Equal(new SKColor(0xf2, 0xef, 0xe9, 255), decoded.GetPixel(30, 10));
        var translucent = decoded.GetPixel(10, 10);
        Assert.Equal(89, translucent.Alpha);
        Assert.InRange(translucent.Green, 0x78 - 2, 0x78 + 2);
    }

    [Fact]
    public void Many_colours_become_at_most_256_close_ones()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(256, 64, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 256; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)x, (byte)(y * 4), (byte)(255 - x), 255));
            }
        }

        using var pixmap = bitmap.PeekPixels();
        var palette = PaletteImage.Quantize(pixmap);
        Assert.True(palette.Palette.Count <= 256);
        using var decoded = Decode(palette.ToPng());
        var worst = 0;
        for (var y = 0; y < 64; y += 3)
        {
            for (var x = 0; x < 256; x += 3)
            {
                var a = bitmap.GetPixel(x, y);
                var b = decoded.GetPixel(x, y);
                worst = Math.Max(worst, Math.Max(Math.Abs(a.Red - b.Red), Math.Max(Math.Abs(a.Green - b.Green), Math.Abs(a.Blue - b.Blue))));
            }
        }

        Assert.True(worst <= 24, $"largest channel error {worst}");
    }

    private static SKBitmap Decode(byte[] png)
    {
        using var codec = SKCodec.Create(new MemoryStream(png))!;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        return bitmap;
    }
}
