using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>The TIME dimension on maps, and rules limited to scale ranges (by the OGC scale denominator).</summary>
[Collection("server")]
public sealed class WmsTimeAndScaleTests(ServerFixture server)
{
    // The mainland around the city centre, where communes are.
    private static readonly double[] City = [106.55, 20.80, 106.75, 20.92];

    [Fact]
    public async Task Communes_valid_from_the_merger_are_drawn_only_for_times_from_then_on()
    {
        using var before = await server.MapAsync(Map130("communes", City, 200, 120, "&TIME=2025-06-30"));
        using var after = await server.MapAsync(Map130("communes", City, 200, 120, "&TIME=2025-07-01"));
        using var range = await server.MapAsync(Map130("communes", City, 200, 120, "&TIME=2024-01-01/2025-07-15"));
        using var list = await server.MapAsync(Map130("communes", City, 200, 120, "&TIME=2020-01-01,2024-06-01"));
        using var none = await server.MapAsync(Map130("communes", City, 200, 120));
        Assert.Equal(0, Opaque(before));
        Assert.Equal(0, Opaque(list));
        Assert.True(Opaque(after) > 500);
        Assert.Equal(none.GetPixelSpan().ToArray(), after.GetPixelSpan().ToArray());
        Assert.Equal(none.GetPixelSpan().ToArray(), range.GetPixelSpan().ToArray());
    }

    [Fact]
    public async Task Labels_appear_only_below_their_max_scale_denominator()
    {
        // protected_areas labels have MaxScaleDenominator 250 000. In EPSG:4326 the OGC scale is
        // degrees per pixel × 111 319.49 m / 0.28 mm.
        var rule = server.Style("protected_areas").Rules.Single(r => r.Name == "label");
        Assert.Equal(250000, rule.MaxScaleDenominator);
        using var large = await server.MapAsync(Map111("protected_areas", Around(ParkLon + 0.02, ParkLat, 200000, 400, 300), 400, 300));
        using var small = await server.MapAsync(Map111("protected_areas", Around(ParkLon + 0.02, ParkLat, 300000, 400, 300), 400, 300));
        Assert.True(Halo(large) > 30, $"labels expected at 1:200 000 ({Halo(large)} halo pixels)");
        Assert.Equal(0, Halo(small));
    }

    // A lon/lat box around a point whose OGC scale denominator is the one given.
    private static double[] Around(double lon, double lat, double scale, int width, int height)
    {
        var degreesPerPixel = scale * 0.00028 / (6378137.0 * 2 * Math.PI / 360);
        return [lon - degreesPerPixel * width / 2, lat - degreesPerPixel * height / 2, lon + degreesPerPixel * width / 2, lat + degreesPerPixel * height / 2];
    }

    // Opaque near-white pixels: only label halos (fills are translucent, strokes dark).
    private static int Halo(SkiaSharp.SKBitmap map)
    {
        var count = 0;
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                var c = map.GetPixel(x, y);
                count += c.Alpha == 255 && c.Red > 240 && c.Green > 240 && c.Blue > 240 ? 1 : 0;
            }
        }

        return count;
    }
}
