using System.Globalization;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>
/// The editing tools in Chromium: undo of the last vertex while drawing, a hole cut into a polygon,
/// deleting (archiving) a record behind its confirmation, KML and GPX files imported as drafts, and
/// snapping a vertex to the commune boundary.
/// </summary>
[Collection("server")]
public sealed class EditingToolsTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>, IAsyncLifetime
{
    private const string Commune = "HP031";
    private const string Unit = "xa-hp031";
    private const string Layer = "polluted_zones";
    private const string Stations = "monitoring_stations";
    public async Task InitializeAsync() => await server.SetScopeAsync(Unit, [Layer, Stations]);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(PortalPage Page, TestUser User)> SignedInAsync(string layer, TestUser? user = null)
    {
        user ??= await server.CreateUserAsync(Unit, "editor");
        var page = await browsers.Browser.OpenAsync(server);
        await page.SignInAsync(user.Name, user.Password);
        await page.Page.Locator("#edit-layer").SelectOptionAsync(layer);
        return (page, user);
    }

    private static async Task FillZoneAsync(PortalPage page, string name)
    {
        await page.Form.Locator("input[name=name]").FillAsync(name);
        await page.Form.Locator("select[name=pollution_type]").SelectOptionAsync("soil");
        await page.Form.Locator("select[name=severity]").SelectOptionAsync("low");
    }

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static List<(double Lon, double Lat)> Positions(JsonElement coordinates) =>
        coordinates.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();

    /// <summary>The rings of a GeoJSON polygon, or of a multipolygon's only part.</summary>
    private static JsonElement Rings(JsonElement geometry)
    {
        var type = geometry.GetProperty("type").GetString();
        Assert.True(type is "Polygon" or "MultiPolygon", $"a {type}");
        var coordinates = geometry.GetProperty("coordinates");
        if (type == "Polygon")
        {
            return coordinates;
        }

        Assert.Equal(1, coordinates.GetArrayLength());
        return coordinates[0];
    }

    [Fact]
    public async Task Undo_while_drawing_removes_the_last_vertex_of_the_ring()
    {
        var (page, _) = await SignedInAsync(Layer);
        var (lon, lat, half, ring) = await InscribedSquareAsync(Commune);
        await page.ViewAsync(lon, lat, 15);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();

        // Three vertices, the third one a mistake, then undo: the sketch loses it.
        var wrong = (Lon: lon + (half * 0.2), Lat: lat + (half * 0.3));
        await page.ClickMapAsync(ring[0].Lon, ring[0].Lat);
        await page.ClickMapAsync(ring[1].Lon, ring[1].Lat);
        await page.ClickMapAsync(wrong.Lon, wrong.Lat);
        await page.ScreenshotAsync("undo-before.png");
        await page.Page.Locator("#tabpanel-edit .tools button[data-action='edit.undo']").ClickAsync();
        await page.ScreenshotAsync("undo-after.png");
        Assert.Equal(JsonValueKind.Null, (await page.EditedGeometryAsync()).ValueKind);

        // The drawing goes on from the second vertex and is closed on the first.
        await page.ClickMapAsync(ring[2].Lon, ring[2].Lat);
        await page.ClickMapAsync(ring[3].Lon, ring[3].Lat);
        await page.ClickMapAsync(ring[0].Lon, ring[0].Lat);
        var geometry = await page.EditedGeometryAsync();
        var drawn = Positions(Rings(geometry)[0]);
        Assert.Equal(5, drawn.Count);
        const double pixelish = 1e-4;
        Assert.DoesNotContain(drawn, p => Math.Abs(p.Lon - wrong.Lon) < pixelish && Math.Abs(p.Lat - wrong.Lat) < pixelish);
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(drawn, p => Math.Abs(p.Lon - ring[i].Lon) < pixelish && Math.Abs(p.Lat - ring[i].Lat) < pixelish);
        }

        // Saved as drawn: a ring of four vertices (five positions).
        var name = UniqueName("Hoàn tác thử");
        await FillZoneAsync(page, name);
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã lưu");
        Assert.Equal(5, await server.ScalarAsync<int>(
            $"SELECT ST_NPoints(ST_ExteriorRing(ST_GeometryN(geom, 1))) FROM data.{Layer} WHERE name = $1", name));
        page.Log.AssertClean();
    }

    [Fact]
    public async Task A_hole_drawn_inside_a_polygon_is_saved_as_an_interior_ring()
    {
        var (page, _) = await SignedInAsync(Layer);
        var (lon, lat, half, ring) = await InscribedSquareAsync(Commune);
        await page.ViewAsync(lon, lat, 15);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await page.DrawPolygonAsync(ring);
        await Expect(page.Page.Locator("#tabpanel-edit .tools button[data-mode=modify]")).ToHaveAttributeAsync("aria-pressed", "true");

        await page.Page.Locator("#tabpanel-edit .tools button[data-mode=hole]").ClickAsync();
        var inner = half * 0.4;
        await page.DrawPolygonAsync((lon - inner, lat - inner), (lon + inner, lat - inner), (lon + inner, lat + inner), (lon - inner, lat + inner));
        var geometry = await page.EditedGeometryAsync();
        Assert.Equal(2, Rings(geometry).GetArrayLength());
        await page.ScreenshotAsync("hole-drawn.png");

        var name = UniqueName("Lỗ thủng thử");
        await FillZoneAsync(page, name);
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã lưu");
        Assert.Equal(1, await server.ScalarAsync<int>($"SELECT ST_NumGeometries(geom) FROM data.{Layer} WHERE name = $1", name));
        Assert.Equal(1, await server.ScalarAsync<int>($"SELECT ST_NumInteriorRings(ST_GeometryN(geom, 1)) FROM data.{Layer} WHERE name = $1", name));
        Assert.True(await server.ScalarAsync<bool>(
            $"SELECT ST_Contains(ST_MakeEnvelope($2, $3, $4, $5, 4326), ST_InteriorRingN(ST_GeometryN(geom, 1), 1)) FROM data.{Layer} WHERE name = $1",
            name, lon - (inner * 1.5), lat - (inner * 1.5), lon + (inner * 1.5), lat + (inner * 1.5)));
        Assert.False(await server.ScalarAsync<bool>(
            $"SELECT ST_Intersects(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)) FROM data.{Layer} WHERE name = $1", name, lon, lat));
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Delete_asks_first_cancel_keeps_the_record_confirm_archives_it()
    {
        var (page, _) = await SignedInAsync(Layer);
        var (lon, lat, _, ring) = await InscribedSquareAsync(Commune);
        await page.ViewAsync(lon, lat, 15);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await page.DrawPolygonAsync(ring);
        var name = UniqueName("Xoá thử");
        await FillZoneAsync(page, name);
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã lưu");
        var id = await server.ScalarAsync<long>($"SELECT id FROM data.{Layer} WHERE name = $1", name);
        await page.Page.Locator("#tabpanel-edit button[data-action='edit.close']").ClickAsync();

        var item = page.Page.Locator($"li[data-record='{Layer}.{id}']");
        var dialog = page.Page.Locator("dialog.modal");
        await item.Locator("button[data-action='edit.delete']").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync($"{Layer}.{id}");
        await page.ScreenshotAsync("delete-confirm.png");
        await dialog.Locator("button[data-action=cancel]").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal("draft", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", id));
        Assert.Equal(0L, await server.ScalarAsync<long>(
            $"SELECT count(*) FROM envgis.record_history WHERE layer = '{Layer}' AND record_id = $1 AND action = 'delete'", id));

        await item.Locator("button[data-action='edit.delete']").ClickAsync();
        await dialog.Locator("button[data-action='edit.delete']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync($"Đã xoá (lưu trữ) {Layer}.{id}");
        Assert.Equal("archived", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", id));
        Assert.Equal(1L, await server.ScalarAsync<long>(
            $"SELECT count(*) FROM envgis.record_history WHERE layer = '{Layer}' AND record_id = $1 AND action = 'delete'", id));
        await page.ScreenshotAsync("delete-archived.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task KML_and_GPX_files_become_drafts_with_their_coordinates()
    {
        var (lon, lat, half, _) = await InscribedSquareAsync(Commune);
        var folder = Directory.CreateTempSubdirectory("envgis-import-");
        try
        {
            static double R(double v) => Math.Round(v, 7);
            static string F(double v) => v.ToString("0.0000000", CultureInfo.InvariantCulture);

            // KML: one polygon (lon,lat) on the zones layer.
            var d = half * 0.5;
            var polygon = new (double Lon, double Lat)[]
            {
                (R(lon - d), R(lat - d)), (R(lon + d), R(lat - d)), (R(lon + (d * 0.3)), R(lat + d)), (R(lon - d), R(lat - d)),
            };
            var kml = Path.Combine(folder.FullName, "vung-thu.kml");
            await File.WriteAllTextAsync(kml, $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Vùng KML thử</name>
                <Polygon><outerBoundaryIs><LinearRing><coordinates>
                {string.Join(" ", polygon.Select(p => $"{F(p.Lon)},{F(p.Lat)}"))}
                </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>
                """);

            var (page, user) = await SignedInAsync(Layer);
            await page.Page.Locator("button[data-action='edit.import']").ClickAsync();
            var dialog = page.Page.Locator("dialog.import");
            await dialog.Locator("input[type=file]").SetInputFilesAsync(kml);
            await dialog.Locator("button[data-action='import.go']").ClickAsync();
            await Expect(page.EditMessage).ToContainTextAsync("Đã tạo 1 bản nháp");
            await Expect(page.Page.Locator(".drafts li.item")).ToHaveCountAsync(1);
            await page.ScreenshotAsync("import-kml-draft.png");
            var drafts = await DraftsAsync(page, user.Name);
            var draft = Assert.Single(drafts.EnumerateArray());
            var read = Positions(Rings(draft.GetProperty("geometry"))[0]);
            Assert.Equal(polygon.Length, read.Count);
            for (var i = 0; i < polygon.Length; i++)
            {
                Assert.InRange(read[i].Lon, polygon[i].Lon - 1e-6, polygon[i].Lon + 1e-6);
                Assert.InRange(read[i].Lat, polygon[i].Lat - 1e-6, polygon[i].Lat + 1e-6);
            }

            page.Log.AssertClean();

            // GPX: two waypoints on the stations layer (a new person's browser, so no draft is open).
            var waypoints = new (double Lon, double Lat)[] { (R(lon - d), R(lat + d)), (R(lon + d), R(lat - (d * 0.5))) };
            var gpx = Path.Combine(folder.FullName, "tram-thu.gpx");
            await File.WriteAllTextAsync(gpx, $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="EnvGis tests" xmlns="http://www.topografix.com/GPX/1/1">
                {string.Join("\n", waypoints.Select((p, i) => $"<wpt lat=\"{F(p.Lat)}\" lon=\"{F(p.Lon)}\"><name>Trạm {i + 1}</name></wpt>"))}
                </gpx>
                """);
            var (stations, _) = await SignedInAsync(Stations, user);
            await stations.Page.Locator("button[data-action='edit.import']").ClickAsync();
            dialog = stations.Page.Locator("dialog.import");
            await dialog.Locator("input[type=file]").SetInputFilesAsync(gpx);
            await dialog.Locator("button[data-action='import.go']").ClickAsync();
            await Expect(stations.EditMessage).ToContainTextAsync("Đã tạo 2 bản nháp");
            await Expect(stations.Page.Locator(".drafts li.item")).ToHaveCountAsync(2);
            await stations.ScreenshotAsync("import-gpx-drafts.png");
            var points = (await DraftsAsync(stations, user.Name)).EnumerateArray()
                .Select(x => x.GetProperty("geometry"))
                .ToList();
            Assert.Equal(2, points.Count);
            Assert.All(points, g => Assert.Equal("Point", g.GetProperty("type").GetString()));
            foreach (var (wlon, wlat) in waypoints)
            {
                Assert.Contains(points, g =>
                    Math.Abs(g.GetProperty("coordinates")[0].GetDouble() - wlon) < 1e-6
                    && Math.Abs(g.GetProperty("coordinates")[1].GetDouble() - wlat) < 1e-6);
            }

            stations.Log.AssertClean();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_vertex_placed_near_the_commune_boundary_snaps_onto_it()
    {
        var (page, _) = await SignedInAsync(Layer);

        // A vertex of the commune's outline, and the direction towards the commune's inside.
        var values = await server.ScalarAsync<double[]>(
            """
            SELECT ARRAY[ST_X(b), ST_Y(b), ST_X(c.center), ST_Y(c.center)]
            FROM data.communes AS m, ST_MaximumInscribedCircle(m.geom) AS c,
                 ST_PointN(ST_ExteriorRing(ST_GeometryN(m.geom, 1)), 1) AS b
            WHERE m.code = $1
            """, Commune);
        var (bLon, bLat, cLon, cLat) = (values[0], values[1], values[2], values[3]);
        var length = Math.Sqrt(Math.Pow(cLon - bLon, 2) + Math.Pow(cLat - bLat, 2));
        var (ux, uy) = ((cLon - bLon) / length, (cLat - bLat) / length);
        await page.ViewAsync(bLon, bLat, 16);

        // About 4 px (at zoom 16, ~2.2 m a pixel) from the boundary's vertex.
        var near = (Lon: bLon + (ux * 8e-5), Lat: bLat + (uy * 8e-5));
        Assert.False(await server.ScalarAsync<bool>(
            "SELECT ST_DWithin(ST_SetSRID(ST_MakePoint($2, $3), 4326), ST_Boundary(geom), 1e-6) FROM data.communes WHERE code = $1",
            Commune, near.Lon, near.Lat));
        var step = Math.Min(length * 0.5, 0.0015);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await page.DrawPolygonAsync(
            near,
            (bLon + (ux * step) - (uy * step * 0.3), bLat + (uy * step) + (ux * step * 0.3)),
            (bLon + (ux * step) + (uy * step * 0.3), bLat + (uy * step) - (ux * step * 0.3)));
        await page.ScreenshotAsync("snap-to-boundary.png");
        var geometry = await page.EditedGeometryAsync();
        var ring = Positions(Rings(geometry)[0]);
        var first = ring[0];
        Assert.True(await server.ScalarAsync<bool>(
            "SELECT ST_DWithin(ST_SetSRID(ST_MakePoint($2, $3), 4326), ST_Boundary(geom), 1e-9) FROM data.communes WHERE code = $1",
            Commune, first.Lon, first.Lat), $"vertex {first.Lon} {first.Lat} is not on the boundary");
        page.Log.AssertClean();
    }

    private static async Task<JsonElement> DraftsAsync(PortalPage page, string user) =>
        await page.Page.EvaluateAsync<JsonElement>("user => JSON.parse(localStorage.getItem('envgis.drafts.' + user) ?? '[]')", user);

    /// <summary>A square well inside a commune: the centre, the half side and the ring.</summary>
    private async Task<(double Lon, double Lat, double Half, (double Lon, double Lat)[] Ring)> InscribedSquareAsync(string commune)
    {
        var values = await server.ScalarAsync<double[]>(
            """
            SELECT ARRAY[ST_X(c.center), ST_Y(c.center), c.radius]
            FROM data.communes AS m, ST_MaximumInscribedCircle(m.geom) AS c WHERE m.code = $1
            """, commune);
        var (lon, lat, half) = (values[0], values[1], Math.Min(values[2] * 0.4, 0.004));
        return (lon, lat, half, [(lon - half, lat - half), (lon + half, lat - half), (lon + half, lat + half), (lon - half, lat + half)]);
    }
}
