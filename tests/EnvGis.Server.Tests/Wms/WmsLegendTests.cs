using System.Globalization;
using EnvGis.Core.Styling;
using EnvGis.Ows.Rendering;
using EnvGis.Server.Tests.Infrastructure;
using SkiaSharp;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>GetLegendGraphic: a row per rule with the rule's symbol and title.</summary>
[Collection("server")]
public sealed class WmsLegendTests(ServerFixture server)
{
    private const int Symbol = 20;

    [Fact]
    public async Task Every_layer_legend_has_one_row_per_drawing_rule_showing_its_colour()
    {
        var layers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted ORDER BY name");
        foreach (var layer in layers)
        {
            var style = server.Style(layer);
            // Label-only rules are left out of legends (styles/README.md); every other rule has a row.
            var rules = style.Rules.Where(r => !r.Symbolizers.All(s => s is TextSymbolizer)).ToList();
            using var legend = await LegendAsync($"LAYER={layer}");
            var rowHeight = Math.Max(Symbol, (int)Math.Ceiling(LegendRenderer.FontSize * 1.4)) + LegendRenderer.RowSpacing;
            Assert.Equal(LegendRenderer.Padding * 2 + rules.Count * rowHeight - LegendRenderer.RowSpacing, legend.Height);

            for (var i = 0; i < rules.Count; i++)
            {
                var top = LegendRenderer.Padding + i * rowHeight + (rowHeight - LegendRenderer.RowSpacing - Symbol) / 2;
                var centre = legend.GetPixel(LegendRenderer.Padding + Symbol / 2, top + Symbol / 2);
                if (Expected(rules[i]) is { } expected)
                {
                    Assert.True(Near(centre, expected, 4), $"{layer} rule {rules[i].Name}: symbol {centre}, style {expected}");
                }
                else
                {
                    Assert.True(RowInk(legend, top, LegendRenderer.Padding, LegendRenderer.Padding + Symbol) > 3, $"{layer} rule {rules[i].Name}: no symbol drawn");
                }

                // The title: dark text to the right of the symbol.
                var textStart = LegendRenderer.Padding + Symbol + LegendRenderer.Gap;
                Assert.True(RowInk(legend, top, textStart, legend.Width) > 20, $"{layer} rule {rules[i].Name}: no title drawn");
            }
        }
    }

    [Fact]
    public async Task Rule_scale_language_size_and_format_options_work()
    {
        using var one = await LegendAsync("LAYER=protected_areas&RULE=national_park");
        var rowHeight = Math.Max(Symbol, (int)Math.Ceiling(LegendRenderer.FontSize * 1.4)) + LegendRenderer.RowSpacing;
        Assert.Equal(LegendRenderer.Padding * 2 + rowHeight - LegendRenderer.RowSpacing, one.Height);

        using var vi = await LegendAsync("LAYER=protected_areas");
        using var en = await LegendAsync("LAYER=protected_areas&LANGUAGE=en");
        Assert.Equal(vi.Height, en.Height);
        Assert.NotEqual(vi.GetPixelSpan().ToArray(), en.GetPixelSpan().ToArray());

        using var big = await LegendAsync("LAYER=protected_areas&WIDTH=40&HEIGHT=30");
        Assert.True(big.Height > vi.Height && big.Width > vi.Width);

        // Communes: a boundary rule and a label rule; at 1:50 000 only the boundary has a legend row, as at any scale.
        using var communes = await LegendAsync("LAYER=communes&SCALE=50000");
        using var communesAll = await LegendAsync("LAYER=communes");
        Assert.Equal(communesAll.Height, communes.Height);

        var jpeg = await server.WmsOkAsync("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=rivers&FORMAT=image/jpeg", "image/jpeg");
        Assert.Equal(0xD8, jpeg.Body[1]);
        using var transparent = await LegendAsync("LAYER=rivers&TRANSPARENT=TRUE");
        Assert.Equal(0, transparent.GetPixel(0, 0).Alpha);
        Assert.Equal(255, (await LegendAsync("LAYER=rivers")).GetPixel(0, 0).Alpha);
    }

    [Fact]
    public async Task The_vn_aqi_bands_show_their_official_colours()
    {
        var style = server.Style("monitoring_stations");
        var rules = style.Rules.Where(r => !r.Symbolizers.All(s => s is TextSymbolizer)).ToList();
        using var legend = await LegendAsync("LAYER=monitoring_stations");
        var rowHeight = Math.Max(Symbol, (int)Math.Ceiling(LegendRenderer.FontSize * 1.4)) + LegendRenderer.RowSpacing;
        var official = new Dictionary<string, SKColor>
        {
            ["air_aqi_good"] = new(0, 228, 0),
            ["air_aqi_moderate"] = new(255, 255, 0),
            ["air_aqi_poor"] = new(255, 126, 0),
            ["air_aqi_bad"] = new(255, 0, 0),
            ["air_aqi_very_bad"] = new(143, 63, 151),
            ["air_aqi_hazardous"] = new(126, 0, 35),
        };
        foreach (var (rule, colour) in official)
        {
            var i = rules.FindIndex(r => r.Name == rule);
            Assert.True(i >= 0, $"no rule {rule}");
            var top = LegendRenderer.Padding + i * rowHeight + (rowHeight - LegendRenderer.RowSpacing - Symbol) / 2;
            Assert.True(Near(legend.GetPixel(LegendRenderer.Padding + Symbol / 2, top + Symbol / 2), colour, 2), $"{rule}: {legend.GetPixel(LegendRenderer.Padding + Symbol / 2, top + Symbol / 2)}");
        }
    }

    private async Task<SKBitmap> LegendAsync(string query) =>
        Decode((await server.WmsOkAsync("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&" + query, "image/png")).Body);

    // The colour at the middle of a rule's symbol on white: an area's fill or a mark's fill, blended with their opacity.
    private static SKColor? Expected(StyleRule rule)
    {
        var (colour, opacity) = rule.Symbolizers.FirstOrDefault() switch
        {
            PolygonSymbolizer { Fill: { } fill } p => (fill, p.FillOpacity ?? 1),
            PointSymbolizer { Fill: { } fill } m when m.Mark is "circle" or "square" or "triangle" or "star" => (fill, m.FillOpacity ?? 1),
            _ => ((string?)null, 1.0),
        };
        if (colour is null)
        {
            return null;
        }

        var rgb = uint.Parse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        byte Blend(uint c) => (byte)Math.Round(c * opacity + 255 * (1 - opacity));
        return new SKColor(Blend((rgb >> 16) & 0xFF), Blend((rgb >> 8) & 0xFF), Blend(rgb & 0xFF), 255);
    }

    private static int RowInk(SKBitmap legend, int top, int from, int to)
    {
        var ink = 0;
        for (var y = top; y < top + Symbol && y < legend.Height; y++)
        {
            for (var x = from; x < to; x++)
            {
                var c = legend.GetPixel(x, y);
                ink += c.Red + c.Green + c.Blue < 700 ? 1 : 0;
            }
        }

        return ink;
    }
}
