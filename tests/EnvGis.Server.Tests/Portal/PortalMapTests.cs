using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.Portal;

/// <summary>
/// The public map portal at <c>/</c> in Debian's headless Chromium, against the real server with the
/// sample data: layers rendered from vector tiles, a feature popup at Cát Bà National Park, the
/// language switch, the collapsing panel, and no console errors or outside requests.
/// Screenshots go to $ENVGIS_TEST_ARTIFACTS/screenshots/ (scripts/test.sh: TestResults/), else under the test output folder.
/// </summary>
[Collection("server")]
public sealed class PortalMapTests(ServerFixture server) : IAsyncLifetime
{
    private const double CatBaLon = 107.05;
    private const double CatBaLat = 20.80;
    private const string CatBaName = "Vườn quốc gia Cát Bà";

    // Open sea south-east of Cát Bà, far from the islands and from Bạch Long Vĩ.
    private const double SeaLon = 107.45;
    private const double SeaLat = 20.45;

    private static readonly string ScreenshotDir = Path.Combine(
        Environment.GetEnvironmentVariable("ENVGIS_TEST_ARTIFACTS") is { Length: > 0 } artifacts
            ? artifacts : Path.Combine(AppContext.BaseDirectory, "TestResults"),
        "screenshots");

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    [Fact]
    public async Task Map_renders_the_layers_and_shows_Cat_Ba_National_Park_in_Vietnamese_and_English()
    {
        var (page, log) = await OpenAsync(1280, 800);

        // Vietnamese by default: the document language and the panel.
        Assert.Equal("vi", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync("Lớp bản đồ");
        Assert.Equal(11, await page.Locator("#layer-list > section.category").CountAsync());
        await Expect(page.Locator("#category-2")).ToHaveTextAsync("Bảo tồn thiên nhiên và đa dạng sinh học");

        // Every layer of the catalogue has a toggle and a legend drawn from its style rules.
        var catalogueLayers = await page.EvaluateAsync<string[]>(
            "async () => (await (await fetch('api/layers')).json()).categories.flatMap(c => c.layers.map(l => l.name))");
        Assert.Contains("protected_areas", catalogueLayers);
        foreach (var name in catalogueLayers)
        {
            var item = page.Locator($"li.layer[data-layer='{name}']");
            await Expect(item.Locator("input[type=checkbox]")).ToBeEnabledAsync();
            // The legend opens on demand (issue 14, item 9): its first swatch stands beside the name.
            Assert.True(await item.Locator("button[data-action=legend] canvas.swatch").CountAsync() > 0, $"no legend swatch for {name}");
        }

        await Expect(page.Locator("li.layer[data-layer='protected_areas'] input")).ToBeCheckedAsync();
        await Expect(page.Locator("li.layer[data-layer='land'] input")).ToBeCheckedAsync();

        // Attribution (© OpenStreetMap contributors) and the citation rule (Art. 3.5).
        await Expect(page.Locator(".ol-attribution")).ToContainTextAsync("© OpenStreetMap contributors");
        await Expect(page.Locator("#footer-citation")).ToContainTextAsync("trích dẫn nguồn");

        // Features were rendered: the vector tiles of the park are in view, drawn, and hit at its pixel.
        var rendered = await page.EvaluateAsync<JsonElement>(RenderedScript, new[] { CatBaLon, CatBaLat, SeaLon, SeaLat });
        var inView = rendered.GetProperty("inView");
        foreach (var name in new[] { "land", "protected_areas", "communes", "coastline" })
        {
            Assert.True(inView.GetProperty(name).GetInt32() > 0, $"no {name} features rendered in view: {inView}");
        }

        Assert.Contains(CatBaName, rendered.GetProperty("protectedNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("protected_areas", rendered.GetProperty("layersAtPark").EnumerateArray().Select(n => n.GetString()));
        var park = rendered.GetProperty("parkPixel").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var sea = rendered.GetProperty("seaPixel").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.True(park[3] > 0, $"nothing drawn at Cát Bà National Park: rgba({string.Join(',', park)})");
        Assert.NotEqual(sea, park);
        await ScreenshotAsync(page, "portal-vi.png");

        // Click the park: the popup shows the record with the catalogue's labels and its source.
        await ClickLonLatAsync(page, CatBaLon, CatBaLat);
        var popup = page.Locator(".popup");
        await Expect(popup).ToBeVisibleAsync();
        var parkSection = popup.Locator("section.feature[data-layer='protected_areas']", new() { HasText = CatBaName });
        await Expect(parkSection.Locator(".feature-label")).ToHaveTextAsync(CatBaName);
        await Expect(parkSection.Locator(".feature-layer")).ToHaveTextAsync("Khu bảo tồn thiên nhiên");
        // The name is the card's heading, not repeated as an attribute (issue 14, item 11).
        await Expect(parkSection.Locator("dt", new() { HasTextString = "Tên khu bảo tồn" })).ToHaveCountAsync(0);
        await Expect(parkSection.Locator("dt", new() { HasTextString = "Nguồn dữ liệu" })).ToHaveCountAsync(1);
        await Expect(parkSection.Locator("dt", new() { HasTextString = "Trích dẫn" })).ToHaveCountAsync(1);
        await Expect(parkSection.Locator("dd", new() { HasTextString = "Vườn quốc gia" }).First).ToBeVisibleAsync();
        await Expect(parkSection.Locator("dd", new() { HasTextString = "national_park" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "portal-popup-vi.png");

        // English: UI strings, catalogue texts and the open popup follow; the choice is remembered.
        await page.Locator("button[data-lang='en']").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync("Map layers");
        await Expect(page.Locator("#category-2")).ToHaveTextAsync("Nature conservation and biodiversity");
        await Expect(parkSection.Locator(".feature-layer")).ToHaveTextAsync("Protected areas");
        await Expect(parkSection.Locator("dt", new() { HasTextString = "Source" })).ToHaveCountAsync(1);
        await Expect(parkSection.Locator("dd", new() { HasTextString = "National park" })).ToHaveCountAsync(1);
        await Expect(page.Locator("button[data-lang='en']")).ToHaveAttributeAsync("aria-pressed", "true");
        await ScreenshotAsync(page, "portal-popup-en.png");

        await page.ReloadAsync();
        await WaitForMapAsync(page);
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync("Map layers");

        log.AssertClean();
    }

    [Fact]
    public async Task Panel_collapses_on_a_tablet_and_its_toggles_work_from_the_keyboard()
    {
        var (page, log) = await OpenAsync(768, 1024);

        var toggle = page.Locator("#panel-toggle");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#panel")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "portal-tablet-collapsed.png");

        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#panel")).ToBeVisibleAsync();

        // Switch a layer on and off with the keyboard only.
        const string layerName = "sensitive_zones";
        var checkbox = page.Locator($"li.layer[data-layer='{layerName}'] input[type=checkbox]");
        await Expect(checkbox).Not.ToBeCheckedAsync();
        await checkbox.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(checkbox).ToBeCheckedAsync();
        Assert.True(await LayerVisibleAsync(page, layerName));
        await page.Keyboard.PressAsync("Space");
        await Expect(checkbox).Not.ToBeCheckedAsync();
        Assert.False(await LayerVisibleAsync(page, layerName));

        await WaitForTilesAsync(page);
        await ScreenshotAsync(page, "portal-tablet-panel.png");
        log.AssertClean();
    }

    private async Task<(IPage Page, BrowserLog Log)> OpenAsync(int width, int height)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var log = new BrowserLog(page, server.BaseUrl);
        var response = await page.GotoAsync(server.BaseUrl.ToString());
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET / answered {response.Status}");
        await WaitForMapAsync(page);
        return (page, log);
    }

    private static async Task WaitForMapAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' || document.body.dataset.ready === 'error'",
            null, new() { Timeout = 60_000 });
        Assert.Equal("true", await page.EvaluateAsync<string>("() => document.body.dataset.ready"));
        await WaitForTilesAsync(page);
    }

    /// <summary>Waits until every requested tile has loaded and the map has rendered them.</summary>
    private static async Task WaitForTilesAsync(IPage page)
    {
        var counts = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const map = window.envgisMap;
              const data = document.body.dataset;
              const idle = () => Number(data.tilesRequested) > 0 && data.tilesPending === '0';
              const deadline = Date.now() + 90000;
              while (Date.now() < deadline) {
                if (idle()) {
                  await new Promise((resolve) => { map.once('rendercomplete', resolve); map.render(); });
                  if (idle()) {
                    return { requested: Number(data.tilesRequested), loaded: Number(data.tilesLoaded), failed: Number(data.tilesFailed) };
                  }
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
              }
              throw new Error(`tiles still loading: ${JSON.stringify(data)}`);
            }
            """);
        Assert.True(counts.GetProperty("loaded").GetInt32() > 0, $"no tile loaded: {counts}");
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
    }

    private static Task<bool> LayerVisibleAsync(IPage page, string name) =>
        page.EvaluateAsync<bool>("name => window.envgis.layers.get(name).getVisible()", name);

    private static async Task ClickLonLatAsync(IPage page, double lon, double lat)
    {
        var pixel = await page.EvaluateAsync<double[]>(
            "([lon, lat]) => window.envgisMap.getPixelFromCoordinate(window.envgis.fromLonLat([lon, lat]))",
            new[] { lon, lat });
        await page.Locator("#map").ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)pixel[0], Y = (float)pixel[1] } });
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name) });

    /// <summary>
    /// Features per layer in the rendered tiles of the view, the protected area names among them, the
    /// layers hit at the park's pixel, and the colour drawn at the park and at open sea (all layer
    /// canvases composed as OpenLayers' export example does).
    /// </summary>
    private const string RenderedScript = """
        ([lon, lat, seaLon, seaLat]) => {
          const map = window.envgisMap;
          const extent = map.getView().calculateExtent(map.getSize());
          const inView = {};
          let protectedNames = [];
          for (const [name, layer] of window.envgis.layers) {
            const features = layer.getVisible() ? layer.getFeaturesInExtent(extent) : [];
            inView[name] = features.length;
            if (name === 'protected_areas') {
              protectedNames = [...new Set(features.map((f) => f.get('name')))];
            }
          }
          const parkAt = map.getPixelFromCoordinate(window.envgis.fromLonLat([lon, lat]));
          const seaAt = map.getPixelFromCoordinate(window.envgis.fromLonLat([seaLon, seaLat]));
          const layersAtPark = window.envgis.featuresAtPixel(parkAt).map((hit) => hit.layer);

          // Headless Chromium draws at devicePixelRatio 1: canvas pixels are CSS pixels.
          const size = map.getSize();
          const out = document.createElement('canvas');
          out.width = size[0];
          out.height = size[1];
          const context = out.getContext('2d', { willReadFrequently: true });
          for (const canvas of map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer')) {
            if (canvas.width === 0) {
              continue;
            }
            const opacity = canvas.parentNode.style.opacity || canvas.style.opacity;
            context.globalAlpha = opacity === '' ? 1 : Number(opacity);
            const match = canvas.style.transform.match(/^matrix\(([^(]*)\)$/);
            const matrix = match
              ? match[1].split(',').map(Number)
              : [parseFloat(canvas.style.width) / canvas.width, 0, 0, parseFloat(canvas.style.height) / canvas.height, 0, 0];
            context.setTransform(...matrix);
            context.drawImage(canvas, 0, 0);
          }
          const pixel = (p) => Array.from(context.getImageData(Math.round(p[0]), Math.round(p[1]), 1, 1).data);
          return { inView, protectedNames, layersAtPark, parkPixel: pixel(parkAt), seaPixel: pixel(seaAt) };
        }
        """;
}
