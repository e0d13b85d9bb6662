using System.Text;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>
/// Other ways to give a geometry, and bad input: a zipped Shapefile of three polygons in EPSG:9210
/// (written by GDAL, .prj without TOWGS84) becomes three drafts where PROJ puts them; VN-2000
/// coordinates typed X = northing / Y = easting land on the test vector; oversized, malformed and
/// crowded files are refused with their reason; a self-intersecting drawing is highlighted; a session
/// that ends during an edit loses nothing.
/// </summary>
[Collection("server")]
public sealed class GeometryInputTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>, IAsyncLifetime
{
    private const string Unit = "so-khcn";
    private const string Layer = "polluted_zones";
    private TestUser? editorUser;

    public async Task InitializeAsync()
    {
        await server.SetScopeAsync(Unit, [Layer, "monitoring_stations"]);
        editorUser = await server.CreateUserAsync(Unit, "editor");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "src", "EnvGis.Portal", "test", "fixtures", name);

    private async Task<PortalPage> SignedInAsync(string layer)
    {
        var page = await browsers.Browser.OpenAsync(server);
        await page.SignInAsync(editorUser!.Name, editorUser.Password);
        await page.Page.Locator("#edit-layer").SelectOptionAsync(layer);
        return page;
    }

    private static async Task<JsonElement> DraftsAsync(PortalPage page, string user) =>
        await page.Page.EvaluateAsync<JsonElement>("user => JSON.parse(localStorage.getItem('envgis.drafts.' + user) ?? '[]')", user);

    [Fact]
    public async Task Zipped_shapefile_in_EPSG_9210_becomes_three_drafts_where_PROJ_puts_them()
    {
        var page = await SignedInAsync(Layer);
        await page.Page.Locator("button[data-action='edit.import']").ClickAsync();
        var dialog = page.Page.Locator("dialog.import");
        await dialog.Locator("input[type=file]").SetInputFilesAsync(Fixture("zones-9210.zip"));
        await page.ScreenshotAsync("import-dialog.png");
        await dialog.Locator("button[data-action='import.go']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã tạo 3 bản nháp");
        await Expect(page.Page.Locator(".drafts li.item")).ToHaveCountAsync(3);
        await Expect(page.Page.Locator(".drafts")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await page.ScreenshotAsync("import-three-drafts.png");

        var drafts = await DraftsAsync(page, editorUser!.Name);
        Assert.Equal(3, drafts.GetArrayLength());
        var positions = drafts.EnumerateArray()
            .SelectMany(d => d.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().SelectMany(r => r.EnumerateArray()))
            .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble()))
            .ToList();
        Assert.Equal(5 + 5 + 5 + 4, positions.Count);

        // The test vector: E 598 667.63 N 2 306 639.68 in EPSG:9210 is 20.85 N 106.70 E (1e-7° ≈ 1 cm).
        Assert.Contains(positions, p => Math.Abs(p.Lon - 106.70) < 1e-7 && Math.Abs(p.Lat - 20.85) < 1e-7);

        // Every vertex where PostGIS/PROJ puts the Shapefile's coordinates, to the centimetre.
        var source = new (double E, double N)[]
        {
            (598667.63, 2306639.68), (598867.63, 2306639.68), (598867.63, 2306839.68), (598667.63, 2306839.68),
            (599000, 2306700), (599300, 2306700), (599300, 2307000), (599000, 2307000),
            (599100, 2306800), (599100, 2306900), (599200, 2306900), (599200, 2306800),
            (598500, 2306300), (598650, 2306300), (598575, 2306450),
        };
        foreach (var (e, n) in source)
        {
            var expected = await server.ScalarAsync<double[]>(
                "SELECT ARRAY[ST_X(p), ST_Y(p)] FROM ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 9210), 4326) AS p", e, n);
            var nearest = positions.MinBy(p => Math.Pow(p.Lon - expected[0], 2) + Math.Pow(p.Lat - expected[1], 2));
            var metres = await server.ScalarAsync<double>(
                "SELECT ST_Distance(ST_MakePoint($1, $2)::geography, ST_MakePoint($3, $4)::geography)", nearest.Lon, nearest.Lat, expected[0], expected[1]);
            Assert.True(metres < 0.01, $"E {e} N {n}: {metres:F4} m from PROJ");
        }

        // A draft opens on the map with its attributes from the .dbf, and the server stores it as it is.
        await page.Page.Locator(".drafts li.item", new() { HasTextString = "Vùng A" }).Locator("button[data-action='edit.open']").ClickIfVisibleAsync();
        await Expect(page.Form.Locator("input[name=name]")).ToHaveValueAsync("Vùng A — điểm kiểm tra");
        await page.Form.Locator("select[name=pollution_type]").SelectOptionAsync("soil");
        await page.Form.Locator("select[name=severity]").SelectOptionAsync("medium");
        await page.ScreenshotAsync("import-draft-open.png");
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã lưu");
        var stored = await server.ScalarAsync<double>(
            $"SELECT ST_Distance(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1)::geography, ST_Transform(ST_SetSRID(ST_MakePoint(598667.63, 2306639.68), 9210), 4326)::geography) FROM data.{Layer} WHERE name = $1",
            "Vùng A — điểm kiểm tra");
        Assert.True(stored < 0.01, $"stored {stored} m from PROJ");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Typed_VN2000_coordinates_X_northing_Y_easting_land_on_the_test_vector()
    {
        var page = await SignedInAsync("monitoring_stations");
        await page.Page.Locator("#tabpanel-edit button[data-action='edit.coordinates']").ClickAsync();
        var dialog = page.Page.Locator("dialog.coordinates");
        await dialog.Locator("select[name=system]").SelectOptionAsync("EPSG:9210");
        await Expect(dialog.Locator(".coord-columns")).ToContainTextAsync("X — hướng Bắc (northing)");

        // Easting first by mistake: the dialog says the columns look swapped instead of placing it.
        await dialog.Locator("textarea[name=rows]").FillAsync("598 667,63   2 306 639,68");
        await dialog.Locator("button[data-action='coord.use']").ClickAsync();
        await Expect(dialog.Locator(".message")).ToContainTextAsync("đảo cột");
        await page.ScreenshotAsync("coordinates-swapped.png");

        await dialog.Locator("textarea[name=rows]").FillAsync("2 306 639,68   598 667,63");
        await dialog.Locator("button[data-action='coord.use']").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var geometry = await page.EditedGeometryAsync();
        Assert.Equal("Point", geometry.GetProperty("type").GetString());
        Assert.InRange(geometry.GetProperty("coordinates")[0].GetDouble(), 106.70 - 1e-7, 106.70 + 1e-7);
        Assert.InRange(geometry.GetProperty("coordinates")[1].GetDouble(), 20.85 - 1e-7, 20.85 + 1e-7);

        // The swap switch reads easting first; EPSG:9209 gives the same place.
        await page.Page.Locator("#tabpanel-edit .tools button[data-action='edit.coordinates']").ClickAsync();
        await dialog.Locator("select[name=system]").SelectOptionAsync("EPSG:9209");
        await dialog.Locator("input[name=swapped]").CheckAsync();
        await Expect(dialog.Locator(".coord-columns")).ToContainTextAsync("Y — hướng Đông (easting)");
        await dialog.Locator("textarea[name=rows]").FillAsync("624686,78\t2306813,16");
        await dialog.Locator("button[data-action='coord.use']").ClickAsync();
        geometry = await page.EditedGeometryAsync();
        Assert.InRange(geometry.GetProperty("coordinates")[0].GetDouble(), 106.70 - 1e-7, 106.70 + 1e-7);
        Assert.InRange(geometry.GetProperty("coordinates")[1].GetDouble(), 20.85 - 1e-7, 20.85 + 1e-7);
        await page.ScreenshotAsync("coordinates-point.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Bad_files_and_self_intersecting_drawings_are_refused_with_their_reason()
    {
        var page = await SignedInAsync(Layer);
        var dialog = page.Page.Locator("dialog.import");
        async Task ImportAsync(string name, byte[] bytes, string expected)
        {
            await page.Page.Locator("button[data-action='edit.import']").ClickAsync();
            await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = bytes });
            await dialog.Locator("button[data-action='import.go']").ClickAsync();
            await Expect(dialog.Locator(".message")).ToContainTextAsync(expected);
            await page.ScreenshotAsync($"import-refused-{Path.GetExtension(name).TrimStart('.')}-{bytes.Length}.png");
            await dialog.Locator("button[data-action=cancel]").ClickAsync();
        }

        var crowd = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var i = 0; i < 3000; i++)
        {
            crowd.Append(i == 0 ? "" : ",").Append("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[106.7,20.85],[106.71,20.85],[106.71,20.86],[106.7,20.85]]]}}");
        }

        await ImportAsync("crowd.geojson", Encoding.UTF8.GetBytes(crowd.Append("]}").ToString()), "3000 đối tượng");
        await ImportAsync("broken.geojson", Encoding.UTF8.GetBytes("{\"type\": \"FeatureCollection\", \"feat"), "không phải JSON");
        await ImportAsync("big.geojson", new byte[21 * 1024 * 1024], "vượt giới hạn");
        await ImportAsync("broken.zip", [80, 75, 3, 4, 1, 2, 3], "ZIP bị hỏng");
        await ImportAsync("report.pdf", [37, 80, 68, 70], "Không hỗ trợ loại tệp");
        Assert.Equal(0, (await DraftsAsync(page, editorUser!.Name)).GetArrayLength());

        // A bow tie: the crossing is listed and marked on the map, and nothing is sent.
        await page.ViewAsync(106.70, 20.85, 15);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await page.DrawPolygonAsync((106.695, 20.845), (106.705, 20.855), (106.705, 20.845), (106.695, 20.855));
        await Expect(page.Page.Locator("[data-testid=geometry-problems] li[data-key='geom.selfIntersection']")).ToBeVisibleAsync();
        Assert.True(await page.Page.EvaluateAsync<int>("() => window.envgis.editLayers.problems.getFeatures().length") >= 2);
        await page.Form.Locator("input[name=name]").FillAsync("Vùng tự cắt");
        await page.Form.Locator("select[name=pollution_type]").SelectOptionAsync("air");
        await page.Form.Locator("select[name=severity]").SelectOptionAsync("low");
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("chưa hợp lệ");
        await page.ScreenshotAsync("self-intersection-highlighted.png");
        Assert.Equal(0L, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name = 'Vùng tự cắt'"));

        // Required fields are named inline before anything is sent.
        await page.Form.Locator("input[name=name]").FillAsync("");
        await page.Page.Locator("button[data-action='edit.submit']").ClickAsync();
        await Expect(page.Form.Locator(".field[data-field=name] .field-error")).ToHaveTextAsync("Trường này bắt buộc.");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task A_session_that_ends_during_an_edit_loses_nothing()
    {
        var page = await SignedInAsync(Layer);
        var name = $"Điểm nóng thử {Guid.NewGuid():N}"[..26];
        await page.ViewAsync(106.72, 20.86, 15);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await page.DrawPolygonAsync((106.718, 20.858), (106.722, 20.858), (106.722, 20.862), (106.718, 20.862));
        await page.Form.Locator("input[name=name]").FillAsync(name);
        await page.Form.Locator("select[name=pollution_type]").SelectOptionAsync("noise");
        await page.Form.Locator("select[name=severity]").SelectOptionAsync("medium");
        await page.Form.Locator("textarea[name=source]").FillAsync("Biên bản kiểm tra số 12/BB");

        // The session ends (the cookie is gone): saving asks to sign in again, then goes through.
        page.Log.Allow(p => p.Contains("401"));
        await page.Context.ClearCookiesAsync(new() { Name = "envgis.session" });
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        var signIn = page.Page.Locator("dialog.signin");
        await Expect(signIn).ToContainTextAsync("Phiên làm việc đã hết hạn");
        await Expect(page.Form.Locator("input[name=name]")).ToHaveValueAsync(name);
        await page.ScreenshotAsync("session-expired-form-kept.png");
        await Expect(signIn.Locator("input[name=userName]")).ToHaveValueAsync(editorUser!.Name);
        await signIn.Locator("input[name=password]").FillAsync(editorUser.Password);
        await signIn.Locator("button[type=submit]").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã lưu");
        Assert.Equal("Biên bản kiểm tra số 12/BB", await server.ScalarAsync<string>($"SELECT source FROM data.{Layer} WHERE name = $1", name));

        // A reload after the session ended: the unsaved change is still in this browser's drafts.
        var changed = name + " (chưa lưu)";
        await page.Form.Locator("input[name=name]").FillAsync(changed);
        await page.Context.ClearCookiesAsync(new() { Name = "envgis.session" });
        await page.Page.ReloadAsync();
        await page.WaitForMapAsync();
        await Expect(page.Page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        await page.SignInAsync(editorUser.Name, editorUser.Password);
        var draft = page.Page.Locator(".drafts li.item", new() { HasTextString = changed });
        await Expect(draft).ToBeVisibleAsync();
        await draft.Locator("button[data-action='edit.open']").ClickAsync();
        await Expect(page.Form.Locator("input[name=name]")).ToHaveValueAsync(changed);
        await Expect(page.Form.Locator("textarea[name=source]")).ToHaveValueAsync("Biên bản kiểm tra số 12/BB");
        await page.ScreenshotAsync("session-expired-draft-restored.png");
        page.Log.AssertClean();
    }
}
