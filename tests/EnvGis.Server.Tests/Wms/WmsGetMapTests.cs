using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using SkiaSharp;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>GetMap pixels against the database and the style: fills, transparency, axis order, formats, CRSs.</summary>
[Collection("server")]
public sealed class WmsGetMapTests(ServerFixture server)
{
    // The Cát Bà area at about 1:276 000, above the scales where names are shown (labels would cover fills).
    private const int Width = 360;
    private const int Height = 230;

    [Fact]
    public async Task Inside_protected_areas_pixels_have_the_styles_fills_and_outside_them_they_are_transparent()
    {
        using var map = await server.MapAsync(Map111("protected_areas", CatBa, Width, Height));
        Assert.Equal((Width, Height), (map.Width, map.Height));

        // Every 6th pixel, compared with the records covering it in the database (2.5 pixels from any edge):
        // the style's fill of each covering record (the rule named after its kind), stacked.
        var pixels = new List<(int I, int J)>();
        for (var j = 3; j < Height; j += 6)
        {
            for (var i = 3; i < Width; i += 6)
            {
                pixels.Add((i, j));
            }
        }

        var margin = 2.5 * (CatBa[2] - CatBa[0]) / Width;
        var covering = await server.CoveringAsync("protected_areas", "kind", pixels.Select(p => LonLatOf(CatBa, Width, Height, p.I, p.J)).ToList(), margin);
        int inside = 0, outside = 0, park = 0;
        for (var n = 0; n < pixels.Count; n++)
        {
            var color = map.GetPixel(pixels[n].I, pixels[n].J);
            if (covering[n] is not { } kinds)
            {
                continue;
            }

            if (kinds.Length == 0)
            {
                outside++;
                Assert.True(color.Alpha == 0, $"pixel {pixels[n]} outside every protected area is {color}");
                continue;
            }

            inside++;
            park += kinds.Contains("national_park") ? 1 : 0;
            var expected = Composites(kinds.Select(k => server.RuleFill("protected_areas", k)).ToList());
            Assert.True(expected.Any(e => Near(color, e, 3)),
                $"pixel {pixels[n]} under {string.Join("+", kinds)} is {color}; the style gives {string.Join(" or ", expected)}");
        }

        Assert.True(inside > 200 && outside > 100 && park > 100, $"too few pixels checked: {inside} inside ({park} in the park), {outside} outside");
    }

    [Fact]
    public async Task The_known_park_point_is_drawn_with_the_park_fill()
    {
        // A map centred on lon 107.05 lat 20.80: the centre pixel is inside the park (and the biosphere core zone).
        double[] box = [ParkLon - 0.01, ParkLat - 0.01, ParkLon + 0.01, ParkLat + 0.01];
        using var map = await server.MapAsync(Map130("protected_areas", box, 51, 51));
        var covering = (await server.CoveringAsync("protected_areas", "kind", [(ParkLon, ParkLat)], 0.001))[0];
        Assert.NotNull(covering);
        Assert.Contains("national_park", covering);
        var expected = Composites(covering.Select(k => server.RuleFill("protected_areas", k)).ToList());
        Assert.True(expected.Any(e => Near(map.GetPixel(25, 25), e, 3)), $"{map.GetPixel(25, 25)} vs {string.Join(" or ", expected)}");

        // A park drawn alone shows exactly its rule's fill: the marine protected area of Bạch Long Vĩ overlaps nothing.
        var marine = await server.ListAsync<double[]>(
            "SELECT ARRAY[ST_X(p), ST_Y(p)] FROM (SELECT ST_PointOnSurface(geom) AS p FROM data.protected_areas WHERE kind = 'marine_protected_area') AS m");
        double[] around = [marine[0][0] - 0.005, marine[0][1] - 0.005, marine[0][0] + 0.005, marine[0][1] + 0.005];
        using var alone = await server.MapAsync(Map111("protected_areas", around, 11, 11));
        Assert.True(Near(alone.GetPixel(5, 5), server.RuleFill("protected_areas", "marine_protected_area"), 3), alone.GetPixel(5, 5).ToString());
    }

    [Fact]
    public async Task Version_1_3_0_lat_lon_and_1_1_1_lon_lat_requests_for_the_same_area_give_the_same_image()
    {
        using var v130 = await server.MapAsync(Map130("land,protected_areas,coastline", CatBa, Width, Height));
        using var v111 = await server.MapAsync(Map111("land,protected_areas,coastline", CatBa, Width, Height));
        Assert.True(Opaque(v130) > Width * Height / 10, "the map should show land and the park");
        Assert.Equal(v111.GetPixelSpan().ToArray(), v130.GetPixelSpan().ToArray());

        // CRS:84 in 1.3.0 is lon/lat and also gives the same image.
        using var crs84 = await server.MapAsync(
            $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=land,protected_areas,coastline&STYLES=,,&CRS=CRS:84&BBOX={Box(CatBa)}&WIDTH={Width}&HEIGHT={Height}&FORMAT=image/png&TRANSPARENT=TRUE");
        Assert.Equal(v111.GetPixelSpan().ToArray(), crs84.GetPixelSpan().ToArray());
    }

    [Fact]
    public async Task The_lat_lon_order_of_1_3_0_really_is_used()
    {
        // The same numbers read as lon/lat in 1.3.0 would be a box at lat 106–107: outside the range of latitudes.
        var response = await server.WmsAsync(
            $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=protected_areas&STYLES=&CRS=EPSG:4326&BBOX={Box(CatBa)}&WIDTH=64&HEIGHT=64&FORMAT=image/png");
        AssertServiceException(response, "InvalidParameterValue");
    }

    [Theory]
    [InlineData("EPSG:3857")]
    [InlineData("EPSG:3405")]
    [InlineData("EPSG:9209")]
    [InlineData("EPSG:9210")]
    [InlineData("EPSG:4756")]
    public async Task Every_advertised_crs_draws_the_park_at_the_park_point(string crs)
    {
        // The view: the park point ± 1 km, transformed by PostGIS into the CRS.
        var srid = int.Parse(crs[5..]);
        var box = await server.ListAsync<double>($"""
            SELECT unnest(ARRAY[ST_X(p) - d, ST_Y(p) - d, ST_X(p) + d, ST_Y(p) + d])
            FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint({ParkLon}, {ParkLat}), 4326), {srid}) AS p,
                         CASE WHEN {srid} = 4756 THEN 0.01 ELSE 1000 END AS d) AS t
            """);
        // 1.3.0: geographic CRSs (4756) are lat/lon; projected ones easting/northing.
        var bbox = srid == 4756 ? Box([box[1], box[0], box[3], box[2]]) : Box([.. box]);
        using var map = await server.MapAsync(
            $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=protected_areas&STYLES=&CRS={crs}&BBOX={bbox}&WIDTH=41&HEIGHT=41&FORMAT=image/png&TRANSPARENT=TRUE");
        var expected = await ParkPointColoursAsync();
        Assert.True(expected.Any(e => Near(map.GetPixel(20, 20), e, 3)), $"{crs}: {map.GetPixel(20, 20)}");

        // 1.1.1 writes every CRS x/y.
        using var old = await server.MapAsync(
            $"SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=protected_areas&STYLES=&SRS={crs}&BBOX={Box([.. box])}&WIDTH=41&HEIGHT=41&FORMAT=image/png&TRANSPARENT=TRUE");
        Assert.Equal(map.GetPixelSpan().ToArray(), old.GetPixelSpan().ToArray());
    }

    [Fact]
    public async Task Png8_is_a_palette_png_and_keeps_the_fill_colour()
    {
        var response = await server.WmsOkAsync(Map111("land,protected_areas", CatBa, Width, Height).Replace("FORMAT=image/png", "FORMAT=image/png;%20mode=8bit"), "image/png");
        // IHDR: bit depth 8, colour type 3 (palette).
        Assert.Equal(8, response.Body[24]);
        Assert.Equal(3, response.Body[25]);
        using var png8 = Decode(response.Body);
        using var png32 = await server.MapAsync(Map111("land,protected_areas", CatBa, Width, Height));
        // Same picture within the palette's error; the large flat areas keep their exact colour.
        var far = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (!Near(png8.GetPixel(x, y), png32.GetPixel(x, y), 24))
                {
                    far++;
                }
            }
        }

        Assert.True(far < Width * Height / 200, $"{far} pixels differ noticeably");
        var png8Name = await server.WmsOkAsync(Map111("land,protected_areas", CatBa, 64, 64).Replace("FORMAT=image/png", "FORMAT=image/png8"), "image/png");
        Assert.Equal(3, png8Name.Body[25]);
    }

    [Fact]
    public async Task Png_is_32_bit_rgba()
    {
        var response = await server.WmsOkAsync(Map111("protected_areas", CatBa, 64, 64), "image/png");
        Assert.Equal(8, response.Body[24]);
        Assert.Equal(6, response.Body[25]);
    }

    [Fact]
    public async Task Jpeg_is_opaque_on_the_background_colour()
    {
        var response = await server.WmsOkAsync(Map111("protected_areas", CatBa, Width, Height, "&BGCOLOR=0x102030").Replace("FORMAT=image/png", "FORMAT=image/jpeg"), "image/jpeg");
        Assert.Equal(0xFF, response.Body[0]);
        Assert.Equal(0xD8, response.Body[1]);
        using var map = Decode(response.Body);
        var covering = await server.CoveringAsync("protected_areas", "kind", [LonLatOf(CatBa, Width, Height, 2, 2)], 0.01);
        Assert.Empty(covering[0]!);
        Assert.True(Near(map.GetPixel(2, 2), new SKColor(0x10, 0x20, 0x30), 6), map.GetPixel(2, 2).ToString());
    }

    [Fact]
    public async Task Transparent_false_paints_bgcolor_and_blends_fills_on_it()
    {
        using var white = await server.MapAsync(Map111("protected_areas", [ParkLon - 0.01, ParkLat - 0.01, ParkLon + 0.01, ParkLat + 0.01], 11, 11)
            .Replace("TRANSPARENT=TRUE", "TRANSPARENT=FALSE"));
        var onWhite = (await ParkPointColoursAsync()).Select(fill =>
        {
            var a = fill.Alpha / 255.0;
            return new SKColor((byte)Math.Round(fill.Red * a + 255 * (1 - a)), (byte)Math.Round(fill.Green * a + 255 * (1 - a)),
                (byte)Math.Round(fill.Blue * a + 255 * (1 - a)), 255);
        }).ToList();
        Assert.True(onWhite.Any(e => Near(white.GetPixel(5, 5), e, 3)), $"{white.GetPixel(5, 5)} vs {string.Join(" or ", onWhite)}");

        using var corner = await server.MapAsync(Map111("protected_areas", CatBa, 32, 32, "&BGCOLOR=0xFF0000").Replace("TRANSPARENT=TRUE", "TRANSPARENT=FALSE"));
        Assert.Equal(new SKColor(255, 0, 0, 255), corner.GetPixel(0, 0));
    }

    [Fact]
    public async Task Layers_are_drawn_bottom_to_top_in_the_order_given()
    {
        double[] box = [ParkLon - 0.01, ParkLat - 0.01, ParkLon + 0.01, ParkLat + 0.01];
        using var parkOnTop = await server.MapAsync(Map111("land,protected_areas", box, 11, 11));
        using var landOnTop = await server.MapAsync(Map111("protected_areas,land", box, 11, 11));
        Assert.NotEqual(parkOnTop.GetPixel(5, 5), landOnTop.GetPixel(5, 5));
        // Land is opaque: with land on top only the land colour shows.
        using var landOnly = await server.MapAsync(Map111("land", box, 11, 11));
        Assert.Equal(landOnly.GetPixel(5, 5), landOnTop.GetPixel(5, 5));
    }

    [Fact]
    public async Task Hidden_records_are_never_drawn()
    {
        // Every unpublished or restricted polygon of a public layer, drawn alone at its interior point: transparent
        // there unless a public record of the same layer covers that point too.
        var layers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted AND geometry_type = 'MultiPolygon' ORDER BY name");
        var checkedCount = 0;
        foreach (var layer in layers)
        {
            var hidden = await server.ListAsync<double[]>($"""
                SELECT ARRAY[ST_X(p), ST_Y(p)] FROM (SELECT ST_PointOnSurface(geom) AS p FROM data."{layer}"
                WHERE status <> 'published' OR restricted) AS h
                WHERE NOT EXISTS (SELECT 1 FROM data."{layer}" AS v WHERE v.status = 'published' AND NOT v.restricted AND ST_DWithin(v.geom, h.p, 0.002))
                """);
            foreach (var point in hidden)
            {
                double[] box = [point[0] - 0.0005, point[1] - 0.0005, point[0] + 0.0005, point[1] + 0.0005];
                using var map = await server.MapAsync(Map111(layer, box, 9, 9));
                Assert.True(map.GetPixel(4, 4).Alpha == 0, $"{layer}: hidden record drawn at {point[0]} {point[1]}");
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 3, $"the sample data should hold hidden polygons to check, found {checkedCount}");
    }

    [Fact]
    public async Task A_restricted_layer_is_not_defined_for_the_public()
    {
        var response = await server.WmsAsync(Map111("species_occurrences", CatBa, 64, 64));
        AssertServiceException(response, "LayerNotDefined");
    }

    [Fact]
    public async Task The_envgis_prefix_default_style_and_the_style_name_all_work()
    {
        using var plain = await server.MapAsync(Map111("protected_areas", CatBa, 64, 64));
        using var prefixed = await server.MapAsync(Map111("envgis:protected_areas", CatBa, 64, 64).Replace("STYLES=", "STYLES=protected_areas"));
        using var named = await server.MapAsync(Map111("protected_areas", CatBa, 64, 64).Replace("STYLES=", "STYLES=default"));
        Assert.Equal(plain.GetPixelSpan().ToArray(), prefixed.GetPixelSpan().ToArray());
        Assert.Equal(plain.GetPixelSpan().ToArray(), named.GetPixelSpan().ToArray());
    }

    [Fact]
    public async Task Edges_are_anti_aliased()
    {
        // The coastline is an opaque stroke: without anti-aliasing every pixel would be either empty or fully covered.
        using var map = await server.MapAsync(Map111("coastline", CatBa, Width, Height));
        int partial = 0, full = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var alpha = map.GetPixel(x, y).Alpha;
                partial += alpha is > 0 and < 255 ? 1 : 0;
                full += alpha == 255 ? 1 : 0;
            }
        }

        Assert.True(full > 100, $"the coastline should be drawn ({full} opaque pixels)");
        Assert.True(partial > full / 4, $"only {partial} partially covered pixels for {full} opaque ones: edges are not anti-aliased");
    }

    // The colours the park point may have: the park's fill stacked with the other zones covering that point.
    private async Task<List<SKColor>> ParkPointColoursAsync()
    {
        var covering = (await server.CoveringAsync("protected_areas", "kind", [(ParkLon, ParkLat)], 0.001))[0];
        Assert.NotNull(covering);
        return Composites(covering.Select(k => server.RuleFill("protected_areas", k)).ToList());
    }

    [Fact]
    public async Task Ows_endpoint_with_service_wms_serves_the_same_map()
    {
        var wms = await server.WmsOkAsync(Map111("protected_areas", CatBa, 64, 64));
        var ows = await server.WmsAsync(Map111("protected_areas", CatBa, 64, 64), "/ows");
        Assert.Equal(HttpStatusCode.OK, ows.Status);
        Assert.Equal(wms.Body, ows.Body);
    }
}
