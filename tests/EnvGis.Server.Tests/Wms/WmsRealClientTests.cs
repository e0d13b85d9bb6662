using System.Globalization;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>GDAL's WMS driver and OWSLib (Debian's python3-owslib), run as child processes against the test server.</summary>
[Collection("server")]
public sealed class WmsRealClientTests(ServerFixture server)
{
    private const string Python = "/usr/bin/python3";

    private string WmsUrl => new Uri(server.BaseUrl, "/wms").ToString();

    [Theory]
    [InlineData("1.1.1", "SRS=EPSG:4326&BBOX=106.95,20.72,107.2,20.88")]
    [InlineData("1.3.0", "CRS=EPSG:4326&BBOX=20.72,106.95,20.88,107.2")]
    public async Task Gdal_translate_fetches_an_image_of_Cat_Ba(string version, string area)
    {
        var output = Path.Combine(Path.GetTempPath(), $"envgis-wms-{Guid.NewGuid():N}.png");
        try
        {
            var source = $"WMS:{WmsUrl}?SERVICE=WMS&VERSION={version}&REQUEST=GetMap&LAYERS=land,protected_areas&STYLES=&{area}&FORMAT=image/png";
            var result = await ExternalTool.RunAsync("gdal_translate", ["-of", "PNG", "-outsize", "500", "320", source, output],
                new Dictionary<string, string> { ["GDAL_HTTP_TIMEOUT"] = "60", ["CPL_DEBUG"] = "OFF" }, TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, result.Everything);
            using var image = Decode(await File.ReadAllBytesAsync(output));
            Assert.Equal((500, 320), (image.Width, image.Height));

            // Land and the park are both there: the image is neither empty nor one colour.
            var colours = new HashSet<uint>();
            for (var y = 0; y < image.Height; y += 4)
            {
                for (var x = 0; x < image.Width; x += 4)
                {
                    colours.Add((uint)image.GetPixel(x, y));
                }
            }

            Assert.True(colours.Count > 5, $"only {colours.Count} colours in the image");
            Assert.True(Opaque(image) > image.Width * image.Height / 4, "the image is mostly empty");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Gdalinfo_lists_the_layers_of_the_capabilities_as_subdatasets()
    {
        var result = await ExternalTool.RunAsync("gdalinfo", ["WMS:" + WmsUrl], timeout: TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Everything);
        foreach (var layer in new[] { "protected_areas", "communes", "land", "monitoring_stations" })
        {
            Assert.Contains($"LAYERS={layer}", result.Output);
        }

        Assert.DoesNotContain("species_occurrences", result.Output);
    }

    [Theory]
    [InlineData("1.1.1")]
    [InlineData("1.3.0")]
    public async Task Owslib_reads_the_capabilities_and_gets_a_map(string version)
    {
        var script = """
            import sys
            from owslib.wms import WebMapService
            url, version = sys.argv[1], sys.argv[2]
            wms = WebMapService(url, version=version)
            print("VERSION", wms.identification.version)
            print("TITLE", wms.identification.title)
            for name in sorted(wms.contents):
                layer = wms.contents[name]
                print("LAYER", name, "|", layer.title, "|", ",".join(sorted(layer.crsOptions)), "|",
                      ",".join("%.3f" % v for v in layer.boundingBoxWGS84), "|", ",".join(layer.styles), "|",
                      layer.parent.title if layer.parent else "", "|", "time" in (getattr(layer, "dimensions", None) or {}) or bool(layer.timepositions))
            print("FORMATS", ",".join(wms.getOperationByName("GetMap").formatOptions))
            img = wms.getmap(layers=["protected_areas"], styles=[""], srs="EPSG:4326", bbox=(106.95, 20.72, 107.2, 20.88),
                             size=(200, 128), format="image/png", transparent=True)
            data = img.read()
            open(sys.argv[3], "wb").write(data)
            print("MAP", len(data))
            """;
        var file = Path.Combine(Path.GetTempPath(), $"envgis-owslib-{Guid.NewGuid():N}");
        try
        {
            var result = await ExternalTool.RunAsync(Python, ["-c", script, WmsUrl, version, file + ".png"], timeout: TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, result.Everything);
            var lines = result.Output.Split('\n');
            Assert.Contains(lines, l => l == "VERSION " + version);
            var layers = lines.Where(l => l.StartsWith("LAYER ", StringComparison.Ordinal)).ToDictionary(l => l.Split(' ')[1], l => l.Split(" | "));
            var publicLayers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted ORDER BY name");
            Assert.Equal(publicLayers, layers.Keys.Order());
            var park = layers["protected_areas"];
            Assert.Equal("Khu bảo tồn thiên nhiên", park[1]);
            foreach (var crs in new[] { "EPSG:4326", "EPSG:3857", "EPSG:9210", "EPSG:9209", "EPSG:3405", "EPSG:4756" })
            {
                Assert.Contains(crs, park[2].Split(','));
            }

            var box = park[3].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(box[0] is > 106 and < 108 && box[1] is > 19.9 and < 21.5, park[3]);
            Assert.Equal("protected_areas", park[4]);
            Assert.Equal("Bảo tồn thiên nhiên và đa dạng sinh học", park[5]);
            Assert.Equal("True", layers["communes"][6].Trim());
            Assert.Contains(lines, l => l.StartsWith("FORMATS", StringComparison.Ordinal) && l.Contains("image/jpeg"));

            using var map = Decode(await File.ReadAllBytesAsync(file + ".png"));
            using var direct = await server.MapAsync(Map111("protected_areas", CatBa, 200, 128));
            Assert.Equal(direct.GetPixelSpan().ToArray(), map.GetPixelSpan().ToArray());
        }
        finally
        {
            File.Delete(file + ".png");
        }
    }
}
