using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wmts;

/// <summary>GDAL's WMTS driver and OWSLib's owslib.wmts against the test server.</summary>
[Collection("server")]
public sealed class WmtsRealClientTests(ServerFixture server)
{
    private const string Python = "/usr/bin/python3";

    private string Capabilities => new Uri(server.BaseUrl, "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities").ToString();

    [Fact]
    public async Task Gdalinfo_lists_the_layers_and_matrix_sets()
    {
        var result = await ExternalTool.RunAsync("gdalinfo", ["WMTS:" + Capabilities], timeout: TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Everything);
        Assert.Contains("layer=protected_areas", result.Output);
        Assert.Contains("tilematrixset=VN2000TM3HaiPhong", result.Output);
        Assert.DoesNotContain("species_occurrences", result.Output);
    }

    [Theory]
    [InlineData("WebMercatorQuad", 3857)]
    [InlineData("VN2000TM3HaiPhong", 9210)]
    public async Task Gdal_translate_reads_the_national_park_in_either_matrix_set(string set, int srid)
    {
        // The park's box in the matrix set's CRS (upper left, lower right), as PostGIS transforms it.
        var box = await server.ScalarAsync<double[]>($"""
            SELECT ARRAY[ST_XMin(b), ST_YMax(b), ST_XMax(b), ST_YMin(b)]
            FROM (SELECT ST_Extent(ST_Transform(geom, {srid}))::geometry AS b FROM data.protected_areas
                  WHERE kind = 'national_park' AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(107.05, 20.80), 4326))) AS x
            """);
        var output = Path.Combine(Path.GetTempPath(), $"envgis-wmts-{Guid.NewGuid():N}.png");
        try
        {
            var source = $"WMTS:{Capabilities},layer=protected_areas,tilematrixset={set}";
            var window = box.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            var result = await ExternalTool.RunAsync("gdal_translate",
                ["-of", "PNG", "-projwin", .. window, "-projwin_srs", $"EPSG:{srid}", "-outsize", "256", "256", source, output],
                new Dictionary<string, string> { ["GDAL_HTTP_TIMEOUT"] = "60" }, TimeSpan.FromMinutes(3));
            Assert.True(result.ExitCode == 0, result.Everything);
            using var image = Decode(await File.ReadAllBytesAsync(output));
            Assert.Equal((256, 256), (image.Width, image.Height));
            Assert.True(Opaque(image) > 256 * 256 / 4, $"the park should fill much of its own box ({Opaque(image)} opaque pixels)");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task OWSLib_reads_the_capabilities_and_fetches_a_tile()
    {
        var (x, y) = TileMath.TileOf(107.05, 20.80, 11);
        var script = $$"""
            from owslib.wmts import WebMapTileService
            wmts = WebMapTileService('{{Capabilities}}')
            assert 'protected_areas' in wmts.contents, list(wmts.contents)
            layer = wmts.contents['protected_areas']
            assert set(layer.tilematrixsetlinks) == {'WebMercatorQuad', 'VN2000TM3HaiPhong'}, layer.tilematrixsetlinks
            assert 'VN2000TM3HaiPhong' in wmts.tilematrixsets
            assert wmts.tilematrixsets['VN2000TM3HaiPhong'].crs == 'urn:ogc:def:crs:EPSG::9210'
            tile = wmts.gettile(layer='protected_areas', tilematrixset='WebMercatorQuad', tilematrix='11',
                                row={{y}}, column={{x}}, format='image/png', style='default')
            data = tile.read()
            assert data[:8] == b'\x89PNG\r\n\x1a\n', data[:64]
            print('OK', wmts.identification.type, len(wmts.contents), len(data))
            """;
        var result = await ExternalTool.RunAsync(Python, ["-c", script], timeout: TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Everything);
        Assert.StartsWith("OK OGC WMTS", result.Output.Trim());
    }
}
