using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.WfsTransaction;
using static EnvGis.Server.Tests.Catalogue.CatalogueClient;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>
/// Issue 13 item 4: a layer added at run time through the API is then read and written on every
/// channel (records API, WFS-T, WFS, WMS, vector tiles, OGC API, the portal's bootstrap) and on the
/// other node, without a restart.
/// </summary>
[Collection("catalogue")]
public sealed class RuntimeLayerTests(CatalogueNodes nodes)
{
    private const string Layer = "noise_sources";
    private const double Lon = 106.6836, Lat = 20.8610;

    [Fact]
    public async Task A_layer_added_at_run_time_is_served_on_every_channel_and_node_without_a_restart()
    {
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        using var anonymous = CatalogueNodes.Client(nodes.NodeA, user: null);
        using var anonymousB = CatalogueNodes.Client(nodes.NodeB, user: null);
        // Node B has served the catalogue before the change (its caches are warm).
        Assert.Null(await ListedLayerAsync(anonymousB, Layer));
        Assert.DoesNotContain($"envgis:{Layer}", await anonymousB.GetStringAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"));

        var created = await admin.PostAsJsonAsync("/api/admin/catalogue/layers", new
        {
            name = Layer,
            category = 4,
            geometryType = "Point",
            title = new { vi = "Nguồn gây ồn", en = "Noise sources" },
            @abstract = new { vi = "Nguồn gây tiếng ồn vượt QCVN 26:2010/BTNMT.", en = "Sources of noise above QCVN 26:2010/BTNMT." },
            @public = true,
            labelAttribute = "name",
            attributes = new object[]
            {
                new { name = "name", type = "text", required = true, label = new { vi = "Tên", en = "Name" } },
                new { name = "level_db", type = "number", label = new { vi = "Mức ồn (dBA)", en = "Level (dBA)" } },
                new
                {
                    name = "source_kind", type = "text", allowedValues = new[] { "traffic", "industry" },
                    valueLabels = new Dictionary<string, object> { ["traffic"] = new { vi = "Giao thông", en = "Traffic" }, ["industry"] = new { vi = "Công nghiệp", en = "Industry" } },
                    label = new { vi = "Loại nguồn", en = "Kind of source" },
                },
            },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var answer = await created.JsonAsync();
        Assert.Equal(["name", "level_db", "source_kind"], AttributeNames(answer));
        Assert.True(answer.GetProperty("public").GetBoolean());

        // The table was made the one way layer tables are made: constraints, history and tile triggers, shapes.
        Assert.Equal(["bump_data_version", "record_history", "tiles_delete", "tiles_insert", "tiles_truncate", "tiles_update"],
            await nodes.ListAsync<string>("SELECT tgname::text FROM pg_trigger WHERE tgrelid = 'data.noise_sources'::regclass AND NOT tgisinternal ORDER BY 1"));
        Assert.True(await nodes.ScalarAsync<bool>("SELECT to_regclass('tile_shapes.noise_sources') IS NOT NULL"));
        Assert.Equal("NO", await nodes.ScalarAsync<string>(
            "SELECT is_nullable::text FROM information_schema.columns WHERE table_schema = 'data' AND table_name = 'noise_sources' AND column_name = 'name'"));

        // Written through the records API and WFS-T.
        var published = await PublishedRecordAsync(admin, Layer, Lon, Lat, new { name = "Nút giao Lạch Tray", level_db = 78.5, source_kind = "traffic" });
        var insert = $"""<envgis:{Layer}><envgis:geom><gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>{Lat + 0.0002} {Lon + 0.0002}</gml:pos></gml:Point></envgis:geom><envgis:name>Xưởng cơ khí</envgis:name><envgis:source_kind>industry</envgis:source_kind></envgis:{Layer}>""";
        var (status, body, xml) = await Transactions.PostAsync(admin, Transactions.Document("2.0.0", Transactions.Insert("2.0.0", insert)));
        Assert.True(status == HttpStatusCode.OK && xml is not null, body);
        var inserted = Transactions.IdOf(Assert.Single(Transactions.InsertedIds(xml!)));
        Assert.Equal(2, await nodes.ScalarAsync<long>("SELECT count(*) FROM data.noise_sources"));
        Assert.Equal(2, await nodes.ScalarAsync<long>("SELECT count(DISTINCT record_id) FROM envgis.record_history WHERE layer = 'noise_sources'"));

        // Vector tiles: the public sees the published record with its attributes; the administrator both.
        var tile = await TileFeaturesAsync(anonymous, Layer, Lon, Lat);
        Assert.Equal([published], tile.Keys);
        Assert.Equal("Nút giao Lạch Tray", tile[published]["name"]);
        Assert.Equal("traffic", tile[published]["source_kind"]);
        Assert.Equal([published, inserted], (await TileFeaturesAsync(admin, Layer, Lon, Lat)).Keys.Order());

        // WMS: capabilities, a map and the feature's information.
        Assert.Contains($"<Name>{Layer}</Name>", await anonymous.GetStringAsync("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"));
        var map = await anonymous.GetAsync($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={Layer}&STYLES=&CRS=EPSG:4326&BBOX={Lat - 0.005},{Lon - 0.005},{Lat + 0.005},{Lon + 0.005}&WIDTH=101&HEIGHT=101&FORMAT=image/png&TRANSPARENT=true");
        Assert.Equal("image/png", map.Content.Headers.ContentType?.MediaType);
        Assert.True(HasPaint(await map.Content.ReadAsByteArrayAsync()), "The default style draws the record");
        var info = await anonymous.GetStringAsync($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS={Layer}&QUERY_LAYERS={Layer}&STYLES=&CRS=EPSG:4326&BBOX={Lat - 0.005},{Lon - 0.005},{Lat + 0.005},{Lon + 0.005}&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=text/plain");
        Assert.Contains("Nút giao Lạch Tray", info);
        Assert.True((await anonymous.GetAsync($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER={Layer}&FORMAT=image/png")).IsSuccessStatusCode);

        // WFS: the type, its properties and the features.
        var describe = await anonymous.GetStringAsync($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=envgis:{Layer}");
        Assert.Contains("name=\"level_db\"", describe);
        var features = XDocument.Parse(await anonymous.GetStringAsync($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:{Layer}"));
        Assert.Equal(["Nút giao Lạch Tray"], features.Descendants().Where(e => e.Name.LocalName == "name" && e.Parent?.Name.LocalName == Layer).Select(e => e.Value));

        // OGC API – Features: the collection, its queryables and items.
        Assert.Contains("level_db", await anonymous.GetStringAsync($"/ogcapi/collections/{Layer}/queryables"));
        Assert.Contains("Nút giao Lạch Tray", await anonymous.GetStringAsync($"/ogcapi/collections/{Layer}/items"));

        // The portal: the layer list, its style (the default by geometry type) and tiles in the bootstrap.
        var listed = await ListedLayerAsync(anonymous, Layer);
        Assert.NotNull(listed);
        Assert.Equal("Nguồn gây ồn", listed.Value.GetProperty("title").GetProperty("vi").GetString());
        var bootstrap = await (await anonymous.GetAsync("/api/portal/bootstrap")).JsonAsync();
        Assert.Equal("circle", bootstrap.GetProperty("styles").GetProperty(Layer).GetProperty("rules")[0].GetProperty("symbolizers")[0].GetProperty("mark").GetString());
        Assert.Contains($"/tiles/{Layer}/", bootstrap.GetProperty("tiles").GetProperty(Layer).GetProperty("tiles")[0].GetString());
        // Search by the label attribute, accents ignored; the OpenAPI document describes the administration.
        Assert.Contains($"\"{Layer}\"", await anonymous.GetStringAsync("/api/search?q=lach%20tray"));
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/admin/catalogue/layers/{layer}/attributes/{name}", openApi);
        Assert.Contains("CatalogueLayerRequest", openApi);

        // The other node follows by the change log: its catalogue, WFS and tiles, without a restart.
        await UntilAsync(async () => await ListedLayerAsync(anonymousB, Layer) is not null, "node B lists the new layer");
        Assert.Contains($"envgis:{Layer}", await anonymousB.GetStringAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"));
        Assert.Contains("name=\"source_kind\"", await anonymousB.GetStringAsync($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=envgis:{Layer}"));
        Assert.Equal([published], (await TileFeaturesAsync(anonymousB, Layer, Lon, Lat)).Keys);

        // A real client (GDAL's WFS driver) on node B: the new type, its fields and the public feature.
        var ogr = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-so", "WFS:" + new Uri(nodes.NodeB, "/wfs"), "envgis:" + Layer]);
        Assert.True(ogr.ExitCode == 0, ogr.Everything);
        Assert.Contains("Feature Count: 1", ogr.Output);
        Assert.Contains("level_db: Real", ogr.Output);
        Assert.Contains("source_kind: String", ogr.Output);
    }

    [Fact]
    public async Task A_category_title_changes_on_every_node()
    {
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        using var anonymousB = CatalogueNodes.Client(nodes.NodeB, user: null);
        var changed = await admin.PutAsJsonAsync("/api/admin/catalogue/categories/11",
            new { title = new { vi = "Thông tin môi trường khác (đã sửa)", en = "Other environmental information (edited)" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await UntilAsync(async () => (await anonymousB.GetStringAsync("/api/layers")).Contains("Other environmental information (edited)"),
            "node B shows the new category title");
        var history = await (await admin.GetAsync("/api/admin/catalogue/history")).JsonAsync();
        var entry = history.EnumerateArray().First(e => e.GetProperty("action").GetString() == "change-category");
        Assert.Equal("Thông tin môi trường khác", entry.GetProperty("before").GetProperty("title_vi").GetString());
        Assert.Equal("Thông tin môi trường khác (đã sửa)", entry.GetProperty("after").GetProperty("title_vi").GetString());
        Assert.Equal("admin", entry.GetProperty("userName").GetString());
    }

    /// <summary>True when some pixel of the PNG is not fully transparent.</summary>
    private static bool HasPaint(byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y).Alpha > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
