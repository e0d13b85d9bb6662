using System.Net;
using System.Net.Http.Json;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Catalogue.CatalogueClient;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>
/// Removing a layer at run time (docs/catalogue.md "Removing a layer"): it leaves every channel of both
/// nodes at once (records API, WFS — checked with GDAL's ogrinfo too —, WMS, tiles, OGC API, the
/// portal's bootstrap, statistics), its table with every record goes to the archive schema, the change
/// is in the history, and the name can be used again. A layer other things depend on is refused, nothing changed.
/// </summary>
[Collection("catalogue")]
public sealed class LayerRemovalTests(CatalogueNodes nodes)
{
    private const double Lon = 106.6900, Lat = 20.8580;

    [Fact]
    public async Task A_removed_layer_leaves_every_channel_and_node_at_once_and_its_records_are_kept_in_the_archive()
    {
        const string layer = "illegal_dumps";
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        using var anonymous = CatalogueNodes.Client(nodes.NodeA, user: null);
        using var anonymousB = CatalogueNodes.Client(nodes.NodeB, user: null);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/catalogue/layers", NewLayer(layer))).StatusCode);
        var published = await PublishedRecordAsync(admin, layer, Lon, Lat, new { name = "Bãi rác tự phát An Đồng" });
        // Node B serves it first (its caches are warm): the catalogue, WFS and a tile with the record.
        await UntilAsync(async () => (await TileFeaturesAsync(anonymousB, layer, Lon, Lat)).ContainsKey(published), "node B's tile shows the record");
        Assert.Contains($"envgis:{layer}", await anonymousB.GetStringAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"));

        var removed = await admin.DeleteAsync($"/api/admin/catalogue/layers/{layer}");
        var answer = await removed.JsonAsync();
        Assert.True(removed.StatusCode == HttpStatusCode.OK, answer.ToString());
        var archived = answer.GetProperty("archivedAs").GetString()!;
        Assert.Matches($"^archive\\.{layer}__[0-9]+$", archived);

        // Nothing lost: the table, whole, in the archive (frozen), the records' history where it was.
        Assert.Equal(["Bãi rác tự phát An Đồng"], await nodes.ListAsync<string>($"SELECT name FROM {archived}"));
        Assert.False(await nodes.ScalarAsync<bool>($"SELECT to_regclass('data.{layer}') IS NOT NULL OR to_regclass('tile_shapes.{layer}') IS NOT NULL"));
        Assert.Equal(0L, await nodes.ScalarAsync<long>($"SELECT count(*) FROM pg_trigger WHERE tgrelid = '{archived}'::regclass AND NOT tgisinternal AND tgenabled <> 'D'"));
        Assert.True(await nodes.ScalarAsync<long>($"SELECT count(*) FROM envgis.record_history WHERE layer = '{layer}' AND record_id = {published}") >= 4);
        var entry = (await (await admin.GetAsync($"/api/admin/catalogue/history?layer={layer}")).JsonAsync())[0];
        Assert.Equal("remove-layer", entry.GetProperty("action").GetString());
        Assert.Equal("admin", entry.GetProperty("userName").GetString());
        Assert.Equal(layer, entry.GetProperty("before").GetProperty("name").GetString());
        Assert.Equal(archived, entry.GetProperty("after").GetProperty("archivedAs").GetString());
        Assert.Equal(1, entry.GetProperty("after").GetProperty("records").GetInt32());

        // Node A, every channel: gone, each with its usual "no such layer" answer.
        Assert.Null(await ListedLayerAsync(anonymous, layer));
        var record = await admin.GetAsync($"/api/layers/{layer}/records/{published}");
        await AssertProblemAsync(record, HttpStatusCode.NotFound, "not-found", null);
        Assert.Contains($"no layer named '{layer}'", (await record.JsonAsync()).GetProperty("detail").GetString());
        await AssertProblemAsync(await admin.GetAsync($"/api/statistics?group=status&layer={layer}"), HttpStatusCode.NotFound, "unknown-layer", null);
        Assert.DoesNotContain($"\"{layer}\"", await admin.GetStringAsync("/api/statistics?group=layer"));
        await AssertGoneAsync(anonymous, layer);

        // Node B follows by the change log, its warm caches included.
        await UntilAsync(async () => await ListedLayerAsync(anonymousB, layer) is null, "node B no longer lists the layer");
        await AssertGoneAsync(anonymousB, layer);

        // GDAL's WFS driver on node B: the type is not offered, and asking for it fails.
        var wfs = "WFS:" + new Uri(nodes.NodeB, "/wfs");
        var all = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-so", wfs]);
        Assert.True(all.ExitCode == 0, all.Everything);
        Assert.Contains("envgis:rivers", all.Output);
        Assert.DoesNotContain($"envgis:{layer}", all.Output);
        var one = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-so", wfs, "envgis:" + layer]);
        Assert.NotEqual(0, one.ExitCode);

        // The name can be used again: a new, empty layer whose changes every node follows.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/catalogue/layers", NewLayer(layer))).StatusCode);
        Assert.Equal(0L, await nodes.ScalarAsync<long>($"SELECT count(*) FROM data.{layer}"));
        var again = await PublishedRecordAsync(admin, layer, Lon, Lat, new { name = "Bãi rác mới" });
        await UntilAsync(async () => (await TileFeaturesAsync(anonymousB, layer, Lon, Lat)).Keys.SequenceEqual([again]), "node B's tile shows the new layer's record");
        var ogr = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-so", wfs, "envgis:" + layer]);
        Assert.True(ogr.ExitCode == 0, ogr.Everything);
        Assert.Contains("Feature Count: 1", ogr.Output);
    }

    [Fact]
    public async Task A_layer_that_report_types_or_other_layers_records_depend_on_is_refused_and_nothing_changes()
    {
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        // A facilities layer named by an enterprise report type.
        const string facilities = "dump_operators";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/catalogue/layers", NewLayer(facilities))).StatusCode);
        var type = await admin.PutAsJsonAsync("/api/reports/types/bc_dump_operators", new
        {
            nameVi = "Báo cáo vận hành bãi rác", nameEn = "Dump operation report", period = "year", dueDays = 90, firstPeriod = "2025",
            facilityLayer = facilities, fields = Array.Empty<object>(), attachmentKinds = Array.Empty<object>(),
        });
        Assert.True(type.StatusCode == HttpStatusCode.Created, await type.Content.ReadAsStringAsync());
        // A layer whose records name EIA projects by project_id.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/catalogue/layers", NewLayer("project_visits",
            new { name = "project_id", type = "integer", label = new { vi = "Dự án ĐTM", en = "EIA project" } }))).StatusCode);
        await PublishedRecordAsync(admin, "project_visits", Lon, Lat, new { name = "Kiểm tra dự án", project_id = 1 });

        var before = await CatalogueRefusalTests.StateOf(nodes);
        var byReport = await admin.DeleteAsync($"/api/admin/catalogue/layers/{facilities}");
        await AssertProblemAsync(byReport, HttpStatusCode.Conflict, "layer-in-use", "layer");
        Assert.Contains("bc_dump_operators", (await byReport.JsonAsync()).GetProperty("detail").GetString());
        var byRecords = await admin.DeleteAsync("/api/admin/catalogue/layers/eia_projects");
        await AssertProblemAsync(byRecords, HttpStatusCode.Conflict, "layer-referenced", "layer");
        Assert.Contains("project_visits", (await byRecords.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await CatalogueRefusalTests.StateOf(nodes));

        // Only the administrator removes layers; the OpenAPI document describes the removal.
        using var anonymous = CatalogueNodes.Client(nodes.NodeA, user: null);
        Assert.Contains("RemovedLayerResponse", await anonymous.GetStringAsync("/openapi/v1.json"));
        await AssertProblemAsync(await anonymous.DeleteAsync($"/api/admin/catalogue/layers/{facilities}"), HttpStatusCode.Unauthorized, "not-signed-in", null);
        Assert.Equal(before, await CatalogueRefusalTests.StateOf(nodes));
        Assert.NotNull(await ListedLayerAsync(anonymous, facilities));
    }

    private static object NewLayer(string name, params object[] more) => new
    {
        name,
        category = 3,
        geometryType = "Point",
        title = new { vi = "Lớp thử " + name, en = "Test layer " + name },
        @public = true,
        labelAttribute = "name",
        attributes = new object[] { new { name = "name", type = "text", required = true, label = new { vi = "Tên", en = "Name" } } }.Concat(more).ToArray(),
    };

    /// <summary>WFS, WMS, OGC API, tiles and the portal's bootstrap answer for the layer as for one that never existed.</summary>
    private static async Task AssertGoneAsync(HttpClient client, string layer)
    {
        Assert.DoesNotContain($"envgis:{layer}", await client.GetStringAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"));
        var describe = await client.GetAsync($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=envgis:{layer}");
        Assert.NotEqual(HttpStatusCode.OK, describe.StatusCode);
        Assert.Contains("ExceptionReport", await describe.Content.ReadAsStringAsync());
        var features = await client.GetAsync($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:{layer}");
        Assert.Contains("ExceptionReport", await features.Content.ReadAsStringAsync());
        Assert.DoesNotContain($"<Name>{layer}</Name>", await client.GetStringAsync("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"));
        var map = await ReadAnyAsync(client, $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={layer}&STYLES=&CRS=EPSG:4326&BBOX={Lat - 0.005},{Lon - 0.005},{Lat + 0.005},{Lon + 0.005}&WIDTH=101&HEIGHT=101&FORMAT=image/png&EXCEPTIONS=XML");
        Assert.Contains("LayerNotDefined", map);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ogcapi/collections/{layer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ogcapi/collections/{layer}/items")).StatusCode);
        var (x, y) = TileMath.TileOf(Lon, Lat, 15);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tiles/{layer}/15/{x}/{y}.mvt")).StatusCode);
        var bootstrap = await (await client.GetAsync("/api/portal/bootstrap")).JsonAsync();
        Assert.False(bootstrap.GetProperty("styles").TryGetProperty(layer, out _));
        Assert.False(bootstrap.GetProperty("tiles").TryGetProperty(layer, out _));
    }

    private static async Task<string> ReadAnyAsync(HttpClient client, string url) => await (await client.GetAsync(url)).Content.ReadAsStringAsync();
}
