using System.Globalization;
using System.Text.RegularExpressions;
using EnvGis.Server.Tests.Infrastructure;
using Npgsql;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.Ows;

/// <summary>GDAL's WFS driver and OWSLib, run as child processes against the test server.</summary>
[Collection("server")]
public sealed partial class WfsRealClientTests(ServerFixture server)
{
    private string Wfs => "WFS:" + new Uri(server.BaseUrl, "/wfs");

    [Fact]
    public async Task Ogrinfo_lists_every_layer_with_the_public_feature_count()
    {
        var listing = await RunAsync("ogrinfo", ["-ro", "-so", Wfs]);
        var layers = await server.PublicLayersAsync();
        foreach (var layer in layers)
        {
            Assert.Contains($": envgis:{layer} ", listing, StringComparison.Ordinal);
        }

        foreach (var layer in layers)
        {
            var summary = await RunAsync("ogrinfo", ["-ro", "-so", Wfs, "envgis:" + layer]);
            var count = long.Parse(FeatureCount().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(await server.PublicCountAsync(layer) == count, $"{layer}: {summary}");
        }
    }

    [Fact]
    public async Task Ogrinfo_spatial_and_attribute_filters_give_the_right_subsets()
    {
        var spat = await RunAsync("ogrinfo", ["-ro", "-so", Wfs, "envgis:communes", "-spat", "106.5", "20.7", "106.9", "21.0"]);
        var expected = await server.PublicCountAsync("communes", "geom && ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))");
        Assert.True(expected > 0);
        Assert.Equal(expected, long.Parse(FeatureCount().Match(spat).Groups[1].Value, CultureInfo.InvariantCulture));

        var where = await RunAsync("ogrinfo", ["-ro", "-so", Wfs, "envgis:communes", "-where", "kind = 'ward' AND population > 20000"]);
        Assert.Equal(await server.PublicCountAsync("communes", "kind = 'ward' AND population > 20000"),
            long.Parse(FeatureCount().Match(where).Groups[1].Value, CultureInfo.InvariantCulture));

        var both = await RunAsync("ogrinfo", ["-ro", "-al", "-q", Wfs, "envgis:communes", "-where", "kind = 'commune'", "-spat", "106.5", "20.7", "106.9", "21.0"]);
        var ids = GmlIds().Matches(both).Select(m => m.Groups[1].Value).ToList();
        var sqlIds = await server.ScalarAsync<string>("SELECT coalesce(string_agg('communes.' || id, ',' ORDER BY id), '') FROM data.communes WHERE status = 'published' AND NOT restricted AND kind = 'commune' AND ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))");
        Assert.Equal(sqlIds, string.Join(',', ids));
    }

    [Fact]
    public async Task Ogr_paging_with_a_small_page_returns_every_feature_once()
    {
        var output = await RunAsync("ogrinfo", ["-ro", "-al", "-q", Wfs, "envgis:communes", "--config", "OGR_WFS_PAGING_ALLOWED", "ON", "--config", "OGR_WFS_PAGE_SIZE", "7", "--debug", "on"]);
        var pages = StartIndex().Matches(output).Select(m => m.Groups[1].Value).Distinct().Count();
        Assert.True(pages >= 10, $"GDAL did not page ({pages} pages)");
        var ids = GmlIds().Matches(output).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(await server.PublicCountAsync("communes"), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Ogr2ogr_export_to_geopackage_round_trips_geometries()
    {
        var folder = Directory.CreateTempSubdirectory("envgis-wfs-gpkg-");
        try
        {
            foreach (var layer in new[] { "communes", "rivers", "monitoring_stations" })
            {
                var file = Path.Combine(folder.FullName, layer + ".gpkg");
                await RunAsync("ogr2ogr", ["-f", "GPKG", file, Wfs, "envgis:" + layer, "-nln", layer]);
                await using var connection = new NpgsqlConnection(server.ConnectionString);
                await connection.OpenAsync();
                var exported = await RunAsync("ogr2ogr", ["-f", "CSV", "/vsistdout/", file, "-lco", "GEOMETRY=AS_WKT"]);
                var rows = ExportedRow().Matches(exported).ToList();
                Assert.Equal(await server.PublicCountAsync(layer), rows.Count);
                foreach (Match row in rows)
                {
                    var id = long.Parse(row.Groups[2].Value.Split('.')[1], CultureInfo.InvariantCulture);
                    await using var command = new NpgsqlCommand(
                        "SELECT ST_HausdorffDistance(geom, ST_GeomFromText(@wkt, 4326)) FROM data.\"" + layer + "\" WHERE id = @id", connection);
                    command.Parameters.AddWithValue("wkt", row.Groups[1].Value.Trim());
                    command.Parameters.AddWithValue("id", id);
                    var distance = (double)(await command.ExecuteScalarAsync())!;
                    Assert.True(distance <= 1e-7, $"{layer}.{id} moved by {distance}°");
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Owslib_reads_capabilities_and_a_get_feature()
    {
        var script = """
            import sys
            from owslib.wfs import WebFeatureService
            wfs = WebFeatureService(sys.argv[1], version='2.0.0')
            names = sorted(wfs.contents)
            print('TYPES', ','.join(names))
            layer = wfs.contents['envgis:communes']
            print('TITLE', layer.title)
            print('BBOX', layer.boundingBoxWGS84)
            print('OPS', ','.join(op.name for op in wfs.operations))
            response = wfs.getfeature(typename='envgis:communes', maxfeatures=5)
            body = response.read()
            if isinstance(body, bytes):
                body = body.decode('utf-8')
            print('MEMBERS', body.count('<wfs:member>'))
            """;
        var file = Path.Combine(Path.GetTempPath(), $"envgis-owslib-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var output = await RunAsync("/usr/bin/python3", [file, new Uri(server.BaseUrl, "/wfs").ToString()]);
            var types = (await server.PublicLayersAsync()).Select(l => "envgis:" + l).Order(StringComparer.Ordinal);
            Assert.Contains("TYPES " + string.Join(',', types), output, StringComparison.Ordinal);
            Assert.Contains("TITLE Đơn vị hành chính cấp xã", output, StringComparison.Ordinal);
            Assert.Contains("GetFeature", output, StringComparison.Ordinal);
            Assert.Contains("MEMBERS 5", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();

    [GeneratedRegex(@"gml_id \(String\) = (\S+)")]
    private static partial Regex GmlIds();

    [GeneratedRegex(@"STARTINDEX=(\d+)")]
    private static partial Regex StartIndex();

    [GeneratedRegex("^\"([^\"]+)\",([a-z_]+\\.[0-9]+),", RegexOptions.Multiline)]
    private static partial Regex ExportedRow();
}
