using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Ows;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.OgcApi;

/// <summary>
/// /ogcapi read by the clients people use: GDAL's OAPIF driver (ogrinfo, with -where, -spat and small
/// pages), OWSLib's owslib.ogcapi.features, QGIS 3.22's OAPIF provider headless (PyQGIS), and the
/// OpenAPI definition linted by Redocly's CLI (tests/tools, installed by scripts/test.sh).
/// </summary>
[Collection("server")]
public sealed partial class OgcApiRealClientTests(ServerFixture server)
{
    private string Root => new Uri(server.BaseUrl, "/ogcapi").ToString();

    [Fact]
    public async Task Ogrinfo_lists_the_public_collections_with_their_counts()
    {
        var listing = await RunAsync("ogrinfo", ["-ro", "-so", "OAPIF:" + Root]);
        foreach (var layer in await server.PublicLayersAsync())
        {
            Assert.Matches($@"\d+: {layer} \(title:", listing);
        }

        var summary = await RunAsync("ogrinfo", ["-ro", "-so", "OAPIF:" + Root, "monitoring_stations"]);
        Assert.Equal(await server.PublicCountAsync("monitoring_stations"), Count(summary));
        Assert.Contains("aqi: Integer", summary, StringComparison.Ordinal);
        Assert.Contains("measured_at: DateTime", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ogrinfo_where_and_spatial_filters_run_on_the_server_and_give_the_right_subsets()
    {
        var where = await RunAsync("ogrinfo", ["-ro", "-so", "OAPIF:" + Root, "communes", "-where", "kind = 'commune' AND area_km2 > 50", "--debug", "on"]);
        Assert.Contains("filter-lang=cql-text", where, StringComparison.Ordinal);
        Assert.Equal(await server.PublicCountAsync("communes", "kind = 'commune' AND area_km2 > 50"), Count(where));

        var spat = await RunAsync("ogrinfo", ["-ro", "-so", "OAPIF:" + Root, "communes", "-spat", "106.5", "20.7", "106.9", "21.0"]);
        Assert.Equal(await server.PublicCountAsync("communes", "ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))"), Count(spat));

        var both = await RunAsync("ogrinfo", ["-ro", "-al", "-q", "OAPIF:" + Root, "communes", "-where", "name LIKE 'Đ%'", "-spat", "106.5", "20.7", "106.9", "21.0"]);
        var names = NameValues().Matches(both).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        var expected = (await server.ListAsync<string>("SELECT name FROM data.communes WHERE status = 'published' AND NOT restricted AND name LIKE 'Đ%' AND ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task Ogr_pages_with_next_links_and_exports_geometries_intact()
    {
        var output = await RunAsync("ogrinfo", ["-ro", "-al", "-q", "-oo", "PAGE_SIZE=9", "OAPIF:" + Root, "communes", "--debug", "on"]);
        var pages = OffsetParameter().Matches(output).Select(m => m.Groups[1].Value).Distinct().Count();
        Assert.True(pages >= 10, $"GDAL followed {pages} next links");
        var ids = Fids().Matches(output).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(await server.PublicCountAsync("communes"), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var exported = await RunAsync("ogr2ogr", ["-f", "CSV", "/vsistdout/", "OAPIF:" + Root, "rivers", "-lco", "GEOMETRY=AS_WKT"]);
        var rows = Wkt().Matches(exported).ToList();
        Assert.Equal(await server.PublicCountAsync("rivers"), rows.Count);
        foreach (Match row in rows)
        {
            var distance = await server.ScalarAsync<double>(
                "SELECT min(ST_HausdorffDistance(geom, ST_GeomFromText($1, 4326))) FROM data.rivers", row.Groups[1].Value);
            Assert.True(distance < 1e-6, $"a river moved by {distance}°");
        }
    }

    [Fact]
    public async Task Owslib_reads_collections_items_filters_and_queryables()
    {
        var script = """
            import sys, json
            from owslib.ogcapi.features import Features
            api = Features(sys.argv[1])
            print('CONFORMS', any(c.endswith('/conf/features-filter') for c in api.conformance()['conformsTo']))
            print('COLLECTIONS', ','.join(sorted(c['id'] for c in api.collections()['collections'])))
            items = api.collection_items('communes', limit=5, bbox=[106.5, 20.7, 106.9, 21.0])
            print('PAGE', items['numberReturned'], items['numberMatched'])
            wards = api.collection_items('communes', limit=1000, filter="CASEI(ACCENTI(name)) = 'do son'")
            print('FOUND', json.dumps([f['properties']['name'] for f in wards['features']], ensure_ascii=False))
            print('QUERYABLES', ','.join(sorted(api.collection_queryables('communes')['properties'])))
            print('ITEM', api.collection_item('communes', '1')['properties']['code'])
            """;
        var file = Path.Combine(Path.GetTempPath(), $"envgis-owslib-oapif-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var output = await RunAsync("/usr/bin/python3", [file, Root + "/"]);
            Assert.Contains("CONFORMS True", output, StringComparison.Ordinal);
            // The public layers and the monitoring EDR collection.
            Assert.Contains("COLLECTIONS " + string.Join(',', (await server.PublicLayersAsync()).Append("monitoring").Order(StringComparer.Ordinal)),
                output, StringComparison.Ordinal);
            var bbox = await server.PublicCountAsync("communes", "ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))");
            Assert.Contains($"PAGE 5 {bbox}", output, StringComparison.Ordinal);
            Assert.Contains("FOUND [\"Đồ Sơn\"]", output, StringComparison.Ordinal);
            Assert.Contains("QUERYABLES area_km2,citation,code,former_province,geometry,kind,name,population,source,status,valid_from,valid_to", output, StringComparison.Ordinal);
            Assert.Contains("ITEM " + await server.ScalarAsync<string>("SELECT code FROM data.communes WHERE id = 1"), output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Qgis_opens_the_collection_headless_and_reads_every_feature()
    {
        var script = """
            import sys
            from qgis.core import QgsApplication, QgsVectorLayer, QgsRectangle, QgsFeatureRequest
            app = QgsApplication([], False)
            app.initQgis()
            uri = "url='%s' typename='communes' restrictToRequestBBOX='0'" % sys.argv[1]
            layer = QgsVectorLayer(uri, 'communes', 'OAPIF')
            print('VALID', layer.isValid())
            print('FIELDS', ','.join(f.name() for f in layer.fields()))
            names = sorted(f['name'] for f in layer.getFeatures())
            print('COUNT', len(names))
            print('HAS', 'Đồ Sơn' in names)
            box = QgsRectangle(106.5, 20.7, 106.9, 21.0)
            print('BOX', sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterRect(box))))
            app.exitQgis()
            """;
        var file = Path.Combine(Path.GetTempPath(), $"envgis-qgis-oapif-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var result = await ExternalTool.RunAsync("/usr/bin/python3", [file, Root], new Dictionary<string, string>
            {
                ["QT_QPA_PLATFORM"] = "offscreen",
                ["XDG_RUNTIME_DIR"] = Path.GetTempPath(),
                ["HOME"] = Path.GetTempPath(),
            }, TimeSpan.FromMinutes(4));
            var output = result.Output;
            Assert.True(output.Contains("VALID True", StringComparison.Ordinal), result.Everything);
            Assert.Contains("FIELDS ", output, StringComparison.Ordinal);
            Assert.Contains("name", output, StringComparison.Ordinal);
            Assert.Contains($"COUNT {await server.PublicCountAsync("communes")}", output, StringComparison.Ordinal);
            Assert.Contains("HAS True", output, StringComparison.Ordinal);
            var inBox = await server.PublicCountAsync("communes", "ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))");
            Assert.Contains($"BOX {inBox}", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_openapi_definition_passes_redocly_lint()
    {
        var linter = Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(linter), $"{linter} is missing: scripts/test.sh installs it (cd tests/tools && npm ci)");
        var folder = Directory.CreateTempSubdirectory("envgis-openapi-");
        try
        {
            var definition = Path.Combine(folder.FullName, "ogcapi.json");
            await File.WriteAllTextAsync(definition, await server.Client.GetStringAsync("/ogcapi/api"));
            var result = await ExternalTool.RunAsync(linter, ["lint", definition, "--format=json"], new Dictionary<string, string>
            {
                ["REDOCLY_TELEMETRY"] = "off",
                ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
                ["HOME"] = folder.FullName,
            }, TimeSpan.FromMinutes(3), folder.FullName);
            Assert.True(result.ExitCode == 0, result.Everything);
            using var report = JsonDocument.Parse(result.Output[result.Output.IndexOf('{')..]);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}").ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static long Count(string summary) =>
        long.Parse(FeatureCount().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();

    [GeneratedRegex(@"  name \(String\) = (.+)")]
    private static partial Regex NameValues();

    [GeneratedRegex(@"[?&]offset=(\d+)")]
    private static partial Regex OffsetParameter();

    [GeneratedRegex(@"^OGRFeature\(communes\):(\d+)$", RegexOptions.Multiline)]
    private static partial Regex Fids();

    [GeneratedRegex("^\"([^\"]+)\",", RegexOptions.Multiline)]
    private static partial Regex Wkt();
}
