using System.Globalization;
using System.Text;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.PortalEditing;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.Portal;

/// <summary>
/// The geoportal tools used as a person would, in Chromium, at desktop size and at 390 × 844:
/// measuring, print/export, the attribute table, downloads and service links, the metadata page,
/// cursor coordinates (WGS 84 and VN-2000), the base map switcher, zoom to layer and home, the time
/// slider, the permalink, geolocation; for editors, clipping to the commune and submitting several
/// drafts at once. Screenshots: TestResults/screenshots/tools-*.png.
/// </summary>
[Collection("server")]
public sealed class PortalToolsTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static async Task<(float X, float Y)> ScreenPointAsync(PortalPage page, double lon, double lat)
    {
        var pixel = await page.Page.EvaluateAsync<double[]>(
            "([lon, lat]) => window.envgisMap.getPixelFromCoordinate(window.envgis.fromLonLat([lon, lat]))", new[] { lon, lat });
        var box = (await page.Page.Locator("#map").BoundingBoxAsync())!;
        return (box.X + (float)pixel[0], box.Y + (float)pixel[1]);
    }

    /// <summary>Great-circle distance in metres (the measure uses the WGS 84 sphere of ol/sphere).</summary>
    private static double Haversine((double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        const double r = 6371008.8;
        double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(b.Lat - a.Lat) / 2), 2) + (Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Pow(Math.Sin(Rad(b.Lon - a.Lon) / 2), 2));
        return 2 * r * Math.Asin(Math.Sqrt(h));
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Measuring_a_distance_and_an_area_with_clicks_and_stopping_with_Escape(int width, int height)
    {
        var page = await browsers.Browser.OpenAsync(server, width, height);
        await page.ViewAsync(106.70, 20.85, 13);
        var a = (Lon: 106.69, Lat: 20.845);
        var b = (Lon: 106.71, Lat: 20.855);
        await page.Page.Locator("button[data-tool='measure-line']").ClickAsync();
        await Expect(page.Page.Locator("button[data-tool='measure-line']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ClickMapAsync(a.Lon, a.Lat);
        var end = await ScreenPointAsync(page, b.Lon, b.Lat);
        await page.Page.Mouse.DblClickAsync(end.X, end.Y);
        await page.Page.WaitForFunctionAsync("() => (document.body.dataset.measure ?? '').startsWith('Khoảng cách')");
        var shown = await page.Page.EvaluateAsync<string>("() => document.body.dataset.measure");
        var km = double.Parse(shown.Split(':')[1].Replace("km", "", StringComparison.Ordinal).Trim().Replace(",", ".", StringComparison.Ordinal), Invariant);
        var expected = Haversine(a, b) / 1000;
        Assert.InRange(km, expected * 0.97, expected * 1.03);
        await Expect(page.Page.Locator("[data-testid=tool-note]")).ToContainTextAsync("km");
        await page.ScreenshotAsync($"tools-measure-line-{width}.png");

        await page.Page.Locator("button[data-tool='measure-area']").ClickAsync();
        var c = (Lon: 106.70, Lat: 20.86);
        foreach (var (lon, lat) in new[] { a, b, c })
        {
            await page.ClickMapAsync(lon, lat);
        }

        await page.ClickMapAsync(a.Lon, a.Lat);
        await page.Page.WaitForFunctionAsync("() => (document.body.dataset.measure ?? '').startsWith('Diện tích')");
        await page.ScreenshotAsync($"tools-measure-area-{width}.png");

        // Escape ends measuring; clicks belong to the map again.
        await page.Page.Keyboard.PressAsync("Escape");
        await Expect(page.Page.Locator("button[data-tool='measure-area']")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.False(await page.Page.EvaluateAsync<bool>("() => Boolean(window.envgisMap.get('editing'))"));
        page.Log.AssertClean();
    }

    [Theory]
    [InlineData("png", "\u0089PNG")]
    [InlineData("pdf", "%PDF")]
    public async Task The_map_is_exported_with_title_legend_scale_and_attribution(string format, string signature)
    {
        var page = await browsers.Browser.OpenAsync(server);
        await page.WaitForTilesAsync();
        await page.Page.Locator("button[data-tool='export']").ClickAsync();
        var dialog = page.Page.Locator("dialog.export");
        await dialog.Locator("input[name=title]").FillAsync("Bản đồ thử xuất");
        await dialog.Locator("select[name=format]").SelectOptionAsync(format);
        await page.ScreenshotAsync($"tools-export-dialog-{format}.png");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => dialog.Locator("button[data-action='tools.exportGo']").ClickAsync());
        var path = Path.Combine(PortalBrowser.ScreenshotDir, $"tools-export.{format}");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 20_000, $"{format}: {bytes.Length} bytes");
        Assert.Equal(signature, Encoding.Latin1.GetString(bytes, 0, signature.Length));
        if (format == "png")
        {
            // The page is the map plus the legend column and the title band.
            var mapWidth = await page.Page.EvaluateAsync<int>("() => window.envgisMap.getSize()[0]");
            var pngWidth = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            Assert.True(pngWidth > mapWidth + 200, $"{pngWidth} px wide for a {mapWidth} px map");
        }

        page.Log.AssertClean();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_attribute_table_sorts_filters_and_selects_on_the_map(int width, int height)
    {
        var page = await browsers.Browser.OpenAsync(server, width, height);
        if (width < 900)
        {
            await page.Page.Locator("#panel-toggle").ClickAsync();
        }

        var item = page.Page.Locator("li.layer[data-layer='polluted_zones']");
        await item.HoverAsync();
        await item.Locator("button[data-action=table]").ClickAsync();
        var drawer = page.Page.Locator("#drawer[data-drawer=table]");
        await Expect(drawer.Locator("table.attribute-table tbody tr").First).ToBeVisibleAsync();
        var total = await drawer.Locator("tbody tr").CountAsync();
        var published = await server.ScalarAsync<long>("SELECT count(*) FROM data.polluted_zones WHERE status = 'published' AND NOT restricted");
        Assert.Equal(published, total);

        // Filter severity = high (typed as a person would).
        await drawer.Locator("select[name=filterColumn]").SelectOptionAsync("severity");
        await drawer.Locator("input[name=filterValue]").PressSequentiallyAsync("high");
        var high = await server.ScalarAsync<long>("SELECT count(*) FROM data.polluted_zones WHERE status = 'published' AND NOT restricted AND severity = 'high'");
        await Expect(drawer.Locator("tbody tr")).ToHaveCountAsync((int)high);
        await drawer.Locator("input[name=filterValue]").FillAsync("");
        await Expect(drawer.Locator("tbody tr")).ToHaveCountAsync(total);

        // Sort by name, then the other way.
        await drawer.Locator("th button[data-column=name]").ClickAsync();
        var names = await drawer.Locator("tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Create(new CultureInfo("vi-VN"), false)).ToList(), names.ToList());
        await drawer.Locator("th button[data-column=name]").ClickAsync();
        await Expect(drawer.Locator("th[aria-sort=descending]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync($"tools-table-{width}.png");

        // A row selects its record: the card opens, the permalink names it.
        var row = drawer.Locator("tbody tr").First;
        var feature = await row.GetAttributeAsync("data-feature");
        await row.ClickAsync();
        await page.Page.WaitForFunctionAsync($"() => document.body.dataset.popupRecord === '{feature}'");
        await Expect(page.Page.Locator($".popup section.feature[data-feature='{feature}']")).ToBeVisibleAsync();
        await page.Page.WaitForFunctionAsync($"() => location.hash.includes('sel={feature}')");
        page.Log.AssertClean();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_metadata_page_offers_downloads_and_service_links(int width, int height)
    {
        var context = await browsers.Browser.NewContextAsync(width, height, new BrowserNewContextOptions { Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        var log = new BrowserLog(page, server.BaseUrl);
        await page.GotoAsync(server.BaseUrl.ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = 60_000 });
        if (width < 900)
        {
            await page.Locator("#panel-toggle").ClickAsync();
        }

        var item = page.Locator("li.layer[data-layer='rivers']");
        await item.HoverAsync();
        await item.Locator("button[data-action=info]").ClickAsync();
        var drawer = page.Locator("#drawer[data-drawer=metadata]");
        await Expect(drawer.Locator("h2")).ToHaveTextAsync("Sông chính");
        await Expect(drawer).ToContainTextAsync("Nhóm dữ liệu (Điều 5)");
        await Expect(drawer).ToContainTextAsync("khoản 5 Điều 3");
        await Expect(drawer.Locator("li[data-link=ogcapi] a")).ToHaveAttributeAsync("href", $"{server.BaseUrl}ogcapi/collections/rivers");
        await Expect(drawer.Locator("li[data-link=wmts] a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/wmts\\?"));

        // The GeoJSON download is the layer's published records.
        var href = await drawer.Locator("a[data-format=geojson]").GetAttributeAsync("href");
        var body = await (await page.APIRequest.GetAsync(href!)).TextAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal(await server.ScalarAsync<long>("SELECT count(*) FROM data.rivers WHERE status = 'published' AND NOT restricted"),
            json.RootElement.GetProperty("features").GetArrayLength());
        var gml = await drawer.Locator("a[data-format=gml]").GetAttributeAsync("href");
        Assert.Contains("gml", await (await page.APIRequest.GetAsync(gml!)).TextAsync(), StringComparison.Ordinal);

        // Copy the WFS link.
        await drawer.Locator("button[data-copy=wfs]").ClickAsync();
        await page.WaitForFunctionAsync("() => (document.body.dataset.copied ?? '').includes('/wfs?')");
        Assert.Contains("/wfs?service=WFS", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotDir, $"tools-metadata-{width}.png") });
        log.AssertClean();
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_cursor_shows_WGS84_and_VN2000_with_X_as_northing()
    {
        var page = await browsers.Browser.OpenAsync(server);
        await page.ViewAsync(106.70, 20.85, 14);
        var (x, y) = await ScreenPointAsync(page, 106.70, 20.85);
        await page.Page.Mouse.MoveAsync(x, y);
        await Expect(page.Page.Locator("[data-testid=cursor-wgs]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"WGS 84: 20,8(49|50)\d\d° B, 106,(699|700)\d\d° Đ"));
        await Expect(page.Page.Locator("[data-testid=cursor-vn]")).ToContainTextAsync("X 2.306.6");
        var vn = await page.Page.Locator("[data-testid=cursor-vn]").TextContentAsync();
        // The PROJ test vector of docs: 20.85 N 106.70 E = N 2 306 639.68, E 598 667.63 (EPSG:9210), within a pixel.
        var numbers = System.Text.RegularExpressions.Regex.Matches(vn!, @"[XY] ([\d.]+,\d+)").Select(m => double.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal).Replace(",", ".", StringComparison.Ordinal), Invariant)).ToList();
        Assert.InRange(numbers[0], 2306639.68 - 10, 2306639.68 + 10);
        Assert.InRange(numbers[1], 598667.63 - 10, 598667.63 + 10);
        await page.ScreenshotAsync("tools-cursor.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task The_base_map_switcher_shows_the_street_map_when_the_server_configures_one()
    {
        var context = await browsers.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var log = new BrowserLog(page, server.BaseUrl);
        var firstTile = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The server's bootstrap as it is with ENVGIS_BASEMAP_URL set (same host, so nothing leaves the test).
        await page.RouteAsync("**/api/portal/bootstrap", async route =>
        {
            var response = await route.FetchAsync();
            var node = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            node["config"]!["baseMap"] = new System.Text.Json.Nodes.JsonObject
            {
                ["url"] = $"{server.BaseUrl}test-osm/{{z}}/{{x}}/{{y}}.png",
                ["attribution"] = "© OpenStreetMap contributors",
            };
            await route.FulfillAsync(new() { Response = response, Body = node.ToJsonString() });
        });
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        await page.RouteAsync("**/test-osm/**", async route =>
        {
            firstTile.TrySetResult();
            await route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = png });
        });
        await page.GotoAsync(server.BaseUrl.ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => document.body.dataset.baseMap === 'osm'");
        // The street map's tiles are asked for once the map renders it (a state, not a time).
        await firstTile.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(await page.EvaluateAsync<bool>("() => window.envgis.layers.get('land').getVisible()"));

        // Switch to the sample land layer with the keyboard, and back.
        var select = page.Locator("select[data-testid=base-map]");
        await select.FocusAsync();
        await select.SelectOptionAsync("land");
        await page.WaitForFunctionAsync("() => document.body.dataset.baseMap === 'land' && window.envgis.layers.get('land').getVisible()");
        await select.SelectOptionAsync("osm");
        await page.WaitForFunctionAsync("() => document.body.dataset.baseMap === 'osm'");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotDir, "tools-basemap-osm.png") });
        log.AssertClean();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Zoom_to_a_layer_then_home_and_the_time_slider_hides_records_not_valid_on_the_date()
    {
        var page = await browsers.Browser.OpenAsync(server);
        var item = page.Page.Locator("li.layer[data-layer='industrial_parks']");
        await item.HoverAsync();
        await item.Locator("button[data-action=zoom]").ClickAsync();
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.zoomedTo === 'industrial_parks'");
        await page.Page.WaitForFunctionAsync("() => !window.envgisMap.getView().getAnimating()");
        var extent = await server.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM (SELECT ST_Extent(geom) AS e FROM data.industrial_parks WHERE status = 'published' AND NOT restricted) AS x");
        var inView = await page.Page.EvaluateAsync<bool>("""
            ([a, b, c, d]) => {
              const [x0, y0, x1, y1] = window.ol_extent = window.envgisMap.getView().calculateExtent();
              const [p, q] = [window.envgis.fromLonLat([a, b]), window.envgis.fromLonLat([c, d])];
              return p[0] >= x0 - 1 && p[1] >= y0 - 1 && q[0] <= x1 + 1 && q[1] <= y1 + 1;
            }
            """, extent);
        Assert.True(inView);
        await page.Page.Locator("button[data-tool=home]").ClickAsync();
        await page.Page.WaitForFunctionAsync("() => !window.envgisMap.getView().getAnimating()");
        var center = await page.Page.EvaluateAsync<double[]>("() => window.envgis.toLonLat(window.envgisMap.getView().getCenter())");
        Assert.InRange(center[0], 106.5, 106.8);

        // The time slider: on a date before 1 July 2025 the communes (valid from then) are not drawn.
        var commune = await server.InsideAsync("HP030");
        await page.ViewAsync(commune.Lon, commune.Lat, 12);
        Assert.NotEmpty(await page.FeatureIdsAtAsync("communes", commune.Lon, commune.Lat));
        await page.Page.Locator("[data-testid=time-on]").CheckAsync();
        var range = page.Page.Locator("[data-testid=time-range]");
        await range.FillAsync(DaysSince1985("2025-06-30"));
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.date === '2025-06-30'");
        Assert.Empty(await page.FeatureIdsAtAsync("communes", commune.Lon, commune.Lat));
        await page.ScreenshotAsync("tools-time-before.png");
        await range.FocusAsync();
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.date === '2025-07-01'");
        Assert.NotEmpty(await page.FeatureIdsAtAsync("communes", commune.Lon, commune.Lat));
        await page.ScreenshotAsync("tools-time-after.png");
        page.Log.AssertClean();
    }

    private static string DaysSince1985(string date) =>
        ((int)(DateTime.Parse(date, Invariant) - new DateTime(1985, 1, 1)).TotalDays).ToString(Invariant);

    [Fact]
    public async Task The_permalink_brings_back_the_view_the_layers_and_the_selection()
    {
        var page = await browsers.Browser.OpenAsync(server);
        await page.Page.Locator("li.layer[data-layer='sensitive_zones'] input").CheckAsync();
        await page.ViewAsync(107.05, 20.80, 12);
        await page.WaitForTilesAsync();
        await page.ClickMapAsync(107.05, 20.80);
        await Expect(page.Page.Locator(".popup")).ToBeVisibleAsync();
        await page.Page.WaitForFunctionAsync("() => location.hash.includes('sel=protected_areas.')");
        await page.Page.Locator("button[data-tool=link]").ClickAsync();
        await page.Page.WaitForFunctionAsync("() => (document.body.dataset.linkCopied ?? '').includes('#map=')");
        var link = await page.Page.EvaluateAsync<string>("() => document.body.dataset.linkCopied");

        var other = await browsers.Browser.NewContextAsync(390, 844);
        var again = await other.NewPageAsync();
        await again.GotoAsync(link);
        await again.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = 60_000 });
        var view = await again.EvaluateAsync<double[]>("() => [...window.envgis.toLonLat(window.envgisMap.getView().getCenter()), window.envgisMap.getView().getZoom()]");
        Assert.Equal(107.05, view[0], 3);
        Assert.Equal(20.80, view[1], 3);
        Assert.Equal(12, view[2], 1);
        Assert.True(await again.EvaluateAsync<bool>("() => window.envgis.layers.get('sensitive_zones').getVisible()"));
        await Expect(again.Locator(".popup section.feature[data-layer='protected_areas']")).ToBeVisibleAsync();
        await again.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotDir, "tools-permalink-390.png") });
        await other.CloseAsync();
        page.Log.AssertClean();
    }

    [Fact]
    public async Task My_location_centres_the_map_on_the_browsers_position()
    {
        var page = await browsers.Browser.OpenAsync(server, 390, 844, new BrowserNewContextOptions
        {
            Permissions = ["geolocation"],
            Geolocation = new Geolocation { Longitude = 106.6881f, Latitude = 20.8561f, Accuracy = 20 },
        });
        await page.Page.Locator("button[data-tool=locate]").ClickAsync();
        await page.Page.WaitForFunctionAsync("() => Boolean(document.body.dataset.located)");
        await page.Page.WaitForFunctionAsync("() => !window.envgisMap.getView().getAnimating()");
        var center = await page.Page.EvaluateAsync<double[]>("() => window.envgis.toLonLat(window.envgisMap.getView().getCenter())");
        Assert.Equal(106.6881, center[0], 3);
        Assert.Equal(20.8561, center[1], 3);
        await Expect(page.Page.Locator("[data-testid=tool-note]")).ToContainTextAsync("20 m");
        await page.ScreenshotAsync("tools-located-390.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task An_editor_clips_a_shape_to_the_commune_and_submits_several_imported_drafts_at_once()
    {
        const string commune = "HP090";
        await server.SetScopeAsync("xa-hp090", ["polluted_zones"]);
        var user = await server.CreateUserAsync("xa-hp090", "editor");
        var page = await browsers.Browser.OpenAsync(server);
        await page.SignInAsync(user.Name, user.Password);
        await page.Page.Locator("#edit-layer").SelectOptionAsync("polluted_zones");

        // A square across the commune's boundary: refused, then clipped and saved inside.
        var b = await server.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_X(p), ST_Y(p)] FROM (SELECT ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1) AS p FROM data.communes WHERE code = $1) AS x", commune);
        var d = 0.002;
        await page.ViewAsync(b[0], b[1], 15);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await page.DrawPolygonAsync((b[0] - d, b[1] - d), (b[0] + d, b[1] - d), (b[0] + d, b[1] + d), (b[0] - d, b[1] + d));
        var clip = page.Page.Locator("[data-testid=geometry-problems] button[data-testid=clip]");
        await Expect(clip).ToBeVisibleAsync();
        await page.ScreenshotAsync("tools-clip-before.png");
        await clip.ClickAsync();
        await Expect(page.Page.Locator("[data-testid=geometry-problems] li")).ToHaveCountAsync(0);
        var name = $"Vùng cắt thử {Guid.NewGuid():N}"[..22];
        await page.Form.Locator("input[name=name]").FillAsync(name);
        await page.Form.Locator("select[name=pollution_type]").SelectOptionAsync("soil");
        await page.Form.Locator("select[name=severity]").SelectOptionAsync("low");
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã lưu");
        Assert.True(await server.ScalarAsync<bool>(
            "SELECT ST_CoveredBy(z.geom, ST_Buffer(c.geom, 1e-7)) FROM data.polluted_zones z, data.communes c WHERE z.name = $1 AND c.code = $2", name, commune));
        await page.ScreenshotAsync("tools-clip-after.png");
        await page.Page.Locator("#tabpanel-edit button[data-action='edit.close']").ClickAsync();

        // Three polygons from a GeoJSON file, submitted together.
        var inside = await server.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_X(c.center), ST_Y(c.center), c.radius] FROM data.communes m, ST_MaximumInscribedCircle(m.geom) c WHERE m.code = $1", commune);
        var step = Math.Min(inside[2] * 0.3, 0.002);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var features = Enumerable.Range(0, 3).Select(i =>
        {
            var x = inside[0] + ((i - 1) * step);
            var y = inside[1];
            var s = step * 0.4;
            return new
            {
                type = "Feature",
                properties = new { name = $"Lô {tag} {i}", pollution_type = "water", severity = "medium" },
                geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { x - s, y - s }, new[] { x + s, y - s }, new[] { x + s, y + s }, new[] { x - s, y + s }, new[] { x - s, y - s } } } },
            };
        });
        var file = Path.Combine(Path.GetTempPath(), $"lo-{tag}.geojson");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { type = "FeatureCollection", features }));
        try
        {
            await page.Page.Locator("button[data-action='edit.import']").ClickAsync();
            var dialog = page.Page.Locator("dialog.import");
            await dialog.Locator("input[type=file]").SetInputFilesAsync(file);
            await dialog.Locator("button[data-action='import.go']").ClickAsync();
            await Expect(page.EditMessage).ToContainTextAsync("Đã tạo 3 bản nháp");
            await page.Page.Locator("#tabpanel-edit button[data-action='edit.close']").ClickAsync();
            await page.Page.Locator(".drafts button[data-action='edit.submitAll']").ClickAsync();
            await page.Page.Locator("dialog.modal button[data-action='edit.submitAllConfirm']").ClickAsync();
            await Expect(page.EditMessage).ToContainTextAsync("Đã gửi duyệt 3 bản ghi");
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(3L, await server.ScalarAsync<long>("SELECT count(*) FROM data.polluted_zones WHERE name LIKE $1 AND status = 'submitted'", $"Lô {tag} %"));
        await page.ScreenshotAsync("tools-submit-all.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task The_portal_works_under_a_strict_Content_Security_Policy()
    {
        const string policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
                              + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        var context = await browsers.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var log = new BrowserLog(page, server.BaseUrl);
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', (e) => (window.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));");
        await page.RouteAsync(server.BaseUrl.ToString(), async route =>
        {
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = policy };
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        await page.GotoAsync(server.BaseUrl.ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = 60_000 });

        // The map, the card, a tool, the table, English, a sign-in dialog.
        await page.Locator("button[data-tool='measure-line']").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("li.layer[data-layer='rivers']").HoverAsync();
        await page.Locator("li.layer[data-layer='rivers'] button[data-action=table]").ClickAsync();
        await Expect(page.Locator("#drawer[data-drawer=table] tbody tr").First).ToBeVisibleAsync();
        await page.Locator("button[data-lang='en']").ClickAsync();
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync("Map layers");
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        await Expect(page.Locator("dialog.signin")).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => (window.__csp ?? []).length"));
        log.AssertClean();
        await context.CloseAsync();
    }
}
