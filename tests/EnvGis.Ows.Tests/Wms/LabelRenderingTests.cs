using System.Text;
using EnvGis.Core.Styling;
using EnvGis.Ows.Rendering;
using SkiaSharp;

namespace EnvGis.Ows.Tests.Wms;

/// <summary>Vietnamese labels: every letter has a glyph in the shipped font, marks are drawn, decomposed text is normalised.</summary>
public sealed class LabelRenderingTests
{
    // Every Vietnamese letter with its tone and vowel marks, lower and upper case, and đ/Đ.
    private const string Letters =
        "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ" +
        "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬEÈẺẼÉẸÊỀỂỄẾỆIÌỈĨÍỊOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢUÙỦŨÚỤƯỪỬỮỨỰYỲỶỸÝỴĐ";

    [Theory]
    [InlineData("normal", "normal")]
    [InlineData("bold", "normal")]
    [InlineData("normal", "italic")]
    public void The_shipped_fonts_have_every_vietnamese_letter(string weight, string style)
    {
        using var font = FontLibrary.Create(weight, style, 12);
        Assert.Equal(FontLibrary.Family, font.Typeface.FamilyName);
        foreach (var letter in Letters)
        {
            Assert.True(font.ContainsGlyphs(letter.ToString()), $"no glyph for '{letter}' in {weight}/{style}");
        }
    }

    [Fact]
    public void Diacritics_are_drawn()
    {
        using var with = Label("Vườn quốc gia Cát Bà");
        using var without = Label("Vuon quoc gia Cat Ba");
        // The marks add ink above (and below) the plain letters.
        Assert.True(Ink(with) > Ink(without) + 40, $"{Ink(with)} vs {Ink(without)} dark pixels");
        Assert.True(Difference(with, without) > 150);
    }

    [Fact]
    public void Decomposed_text_renders_like_precomposed_text()
    {
        var nfc = "Vườn quốc gia Cát Bà";
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);
        Assert.Equal(nfc, LabelText.Of(nfd));
        using var a = Label(nfc);
        using var b = Label(nfd);
        Assert.Equal(0, Difference(a, b));
    }

    [Fact]
    public void Line_labels_are_centred_on_the_longest_part_and_stay_in_the_image()
    {
        var style = new LayerStyle("rivers", "rivers", new("s", "s"),
        [
            new StyleRule("label", new("nhãn", "label"), null, false, null, null,
                [new TextSymbolizer("name", "Noto Sans", 12, "normal", "italic", "#000000", null, null, TextSymbolizer.LinePlacement)]),
        ]);
        using var canvas = new MapCanvas(400, 100, SKColors.White);
        var geometry = new PixelGeometry();
        // MULTILINESTRING((10 50, 390 50), (0 90, 30 90)) in TWKB, precision 0.
        TwkbReader.Read([0x05, 0x00, 0x02, 0x02, 0x14, 0x64, 0xF0, 0x05, 0x00, 0x02, 0xEB, 0x05, 0x50, 0x3C, 0x00], geometry);
        Assert.Equal(2, geometry.Parts.Count);
        canvas.DrawFeature(geometry, RenderStyle.For(style).At(10000), _ => "Sông Cấm");
        canvas.DrawLabels();
        int minX = int.MaxValue, maxX = 0, minY = int.MaxValue, maxY = 0;
        for (var y = 0; y < 100; y++)
        {
            for (var x = 0; x < 400; x++)
            {
                if (canvas.Bitmap.GetPixel(x, y).Red < 128)
                {
                    (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }

        Assert.InRange((minX + maxX) / 2, 190, 210);
        Assert.InRange((minY + maxY) / 2, 42, 58);
        Assert.True(maxX - minX is > 30 and < 120, $"{minX}..{maxX}");
    }

    private static SKBitmap Label(string text)
    {
        var style = new LayerStyle("test", "test", new("t", "t"),
        [
            new StyleRule("label", new("nhãn", "label"), null, false, null, null,
                [new TextSymbolizer("name", "Noto Sans", 14, "normal", "normal", "#000000", "#ffffff", 1.5, TextSymbolizer.PointPlacement)]),
        ]);
        var rules = RenderStyle.For(style).At(10000);
        var canvas = new MapCanvas(240, 40, SKColors.White);
        var geometry = new PixelGeometry();
        // POINT(120 20) in TWKB, precision 0: the label is centred there.
        TwkbReader.Read([0x01, 0x00, 0xF0, 0x01, 0x28], geometry);
        canvas.DrawFeature(geometry, rules, _ => text);
        canvas.DrawLabels();
        var copy = canvas.Bitmap.Copy();
        canvas.Dispose();
        return copy;
    }

    private static int Ink(SKBitmap bitmap)
    {
        var ink = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                ink += bitmap.GetPixel(x, y).Red < 200 ? 1 : 0;
            }
        }

        return ink;
    }

    private static int Difference(SKBitmap a, SKBitmap b)
    {
        var different = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                different += Math.Abs(a.GetPixel(x, y).Red - b.GetPixel(x, y).Red) > 64 ? 1 : 0;
            }
        }

        return different;
    }
}
