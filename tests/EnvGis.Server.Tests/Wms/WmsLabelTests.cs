using EnvGis.Server.Tests.Infrastructure;
using SkiaSharp;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>
/// Labels with Vietnamese diacritics against a golden image (Wms/TestData/golden). The golden is
/// regenerated only deliberately: run this test with ENVGIS_UPDATE_GOLDEN=1, look at the new file,
/// and commit it.
/// </summary>
[Collection("server")]
public sealed class WmsLabelTests(ServerFixture server)
{
    private const int Width = 560;
    private const int Height = 320;

    // The whole national park at about 1:150 000, where protected area names are shown (below 1:250 000).
    private static readonly double[] Park = [106.965, 20.74, 107.176, 20.86];

    private static string GoldenPath => Path.Combine(RepositoryPaths.Root, "tests", "EnvGis.Server.Tests", "Wms", "TestData", "golden", "cat_ba_park_labels.png");

    [Fact]
    public async Task The_park_name_is_drawn_with_its_diacritics_as_in_the_golden_image()
    {
        var response = await server.WmsOkAsync(Map111("protected_areas", Park, Width, Height), "image/png");
        if (Environment.GetEnvironmentVariable("ENVGIS_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllBytesAsync(GoldenPath, response.Body);
        }

        Assert.True(File.Exists(GoldenPath), $"The golden image {GoldenPath} is missing; create it with ENVGIS_UPDATE_GOLDEN=1 and check it by eye.");
        using var golden = Decode(await File.ReadAllBytesAsync(GoldenPath));
        using var actual = Decode(response.Body);
        Assert.Equal((golden.Width, golden.Height), (actual.Width, actual.Height));

        // Where the golden has label halos (opaque white), widened by 2 pixels: the letters and their marks.
        var label = new bool[Width, Height];
        var labelPixels = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var c = golden.GetPixel(x, y);
                if (c.Alpha == 255 && c.Red > 240 && c.Green > 240 && c.Blue > 240)
                {
                    for (var dy = -2; dy <= 2; dy++)
                    {
                        for (var dx = -2; dx <= 2; dx++)
                        {
                            if (x + dx is >= 0 and < Width && y + dy is >= 0 and < Height && !label[x + dx, y + dy])
                            {
                                label[x + dx, y + dy] = true;
                                labelPixels++;
                            }
                        }
                    }
                }
            }
        }

        Assert.True(labelPixels > 500, $"the golden image should hold the park's label ({labelPixels} label pixels)");
        int differentInLabels = 0, differentElsewhere = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (!Near(actual.GetPixel(x, y), golden.GetPixel(x, y), 40))
                {
                    if (label[x, y])
                    {
                        differentInLabels++;
                    }
                    else
                    {
                        differentElsewhere++;
                    }
                }
            }
        }

        // Tolerance for anti-aliasing differences between SkiaSharp builds; a missing accent changes far more.
        Assert.True(differentInLabels <= labelPixels / 100, $"{differentInLabels} of {labelPixels} label pixels differ from the golden image");
        Assert.True(differentElsewhere <= Width * Height / 500, $"{differentElsewhere} pixels outside the labels differ from the golden image");
    }

    [Fact]
    public async Task The_label_text_is_the_records_name_with_its_diacritics()
    {
        // What the label shows comes from the data: the park's name, precomposed (NFC) Vietnamese.
        var name = await server.ScalarAsync<string>("SELECT name FROM data.protected_areas WHERE kind = 'national_park'");
        Assert.Equal("Vườn quốc gia Cát Bà", name);
        Assert.True(name.IsNormalized(System.Text.NormalizationForm.FormC));
        using var font = EnvGis.Ows.Rendering.FontLibrary.Create("normal", "normal", 11);
        Assert.True(font.ContainsGlyphs(name), "the shipped font has every letter of the name");
    }
}
