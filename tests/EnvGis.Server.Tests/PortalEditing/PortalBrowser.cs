using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>
/// Debian's headless Chromium for the signed-in portal tests: one browser per test class, a fresh
/// context (cookies, localStorage) per person, helpers to sign in, click the map at a longitude/latitude,
/// take screenshots (to $ENVGIS_TEST_ARTIFACTS/screenshots) and check the console stayed clean.
/// </summary>
public sealed class PortalBrowser : IAsyncDisposable
{
    public static readonly string ScreenshotDir = Path.Combine(
        Environment.GetEnvironmentVariable("ENVGIS_TEST_ARTIFACTS") is { Length: > 0 } artifacts
            ? artifacts : Path.Combine(AppContext.BaseDirectory, "TestResults"),
        "screenshots");

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private PortalBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<PortalBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDir);
        return new PortalBrowser(playwright, browser);
    }

    /// <summary>A new browser context (a new person: cookies, storage) in Vietnamese, Hải Phòng's time zone.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.ViewportSize = new ViewportSize { Width = width, Height = height };
        options.Locale = "vi-VN";
        options.TimezoneId = "Asia/Ho_Chi_Minh";
        return browser.NewContextAsync(options);
    }

    /// <summary>Opens the portal in a new context (a new person) and waits for the map.</summary>
    public async Task<PortalPage> OpenAsync(ServerFixture server, int width = 1280, int height = 800, BrowserNewContextOptions? options = null)
    {
        var context = await NewContextAsync(width, height, options);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var portal = new PortalPage(page, context, new BrowserLog(page, server.BaseUrl), server);
        var response = await page.GotoAsync(server.BaseUrl.ToString());
        Assert.True(response is { Ok: true }, $"GET / answered {response?.Status}");
        await portal.WaitForMapAsync();
        return portal;
    }

    /// <summary>A plain page in a new context (no portal), e.g. for the server-rendered /ogcapi pages.</summary>
    public async Task<IPage> NewPageAsync(string locale = "vi-VN", int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}

/// <summary>One person's portal page.</summary>
public sealed class PortalPage(IPage page, IBrowserContext context, BrowserLog log, ServerFixture server)
{
    public IPage Page { get; } = page;

    public IBrowserContext Context { get; } = context;

    public BrowserLog Log { get; } = log;

    public ServerFixture Server { get; } = server;

    public async Task WaitForMapAsync()
    {
        await Page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' || document.body.dataset.ready === 'error'",
            null, new() { Timeout = 60_000 });
        Assert.Equal("true", await Page.EvaluateAsync<string>("() => document.body.dataset.ready"));
    }

    /// <summary>Signs in through the header's dialog and waits for the workspace.</summary>
    public async Task SignInAsync(string user, string password)
    {
        await Page.Locator("[data-testid=sign-in]").ClickAsync();
        await FillSignInAsync(user, password);
        await Expect(Page.Locator("#account-area .who")).ToContainTextAsync(user);
        await WaitForWorkspaceAsync();
    }

    public async Task FillSignInAsync(string user, string password)
    {
        var dialog = Page.Locator("dialog.signin");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("input[name=userName]").FillAsync(user);
        await dialog.Locator("input[name=password]").FillAsync(password);
        await dialog.Locator("button[type=submit]").ClickAsync();
    }

    public async Task WaitForWorkspaceAsync() =>
        await Page.WaitForFunctionAsync("() => document.body.dataset.workspace === 'ready'");

    public async Task SignOutAsync()
    {
        await Page.Locator("#account-area button[data-action=signOut]").ClickAsync();
        await Expect(Page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
    }

    /// <summary>Centres the map on a point at a zoom level.</summary>
    public async Task ViewAsync(double lon, double lat, double zoom)
    {
        await Page.EvaluateAsync("""
            ([lon, lat, zoom]) => new Promise((resolve) => {
              const view = window.envgisMap.getView();
              view.setCenter(window.envgis.fromLonLat([lon, lat]));
              view.setZoom(zoom);
              window.envgisMap.once('rendercomplete', () => resolve(true));
              window.envgisMap.render();
            })
            """, new[] { lon, lat, zoom });
    }

    /// <summary>
    /// A real mouse click on the map at a longitude/latitude; returns once OpenLayers has handled it: a
    /// drawing tool took it (a vertex), or the map reported the single click (about 250 ms later, when it
    /// knows it was not a double click). Waiting on that event, not on time, keeps the next click from
    /// becoming a double click on a busy machine.
    /// </summary>
    public async Task ClickMapAsync(double lon, double lat)
    {
        await Page.EvaluateAsync("""
            () => {
              const map = window.envgisMap;
              window.__envgisClickHandled = new Promise((resolve, reject) => {
                const stop = (result) => {
                  map.un('pointerup', onUp);
                  map.un('singleclick', onClick);
                  map.un('dblclick', onClick);
                  clearTimeout(timer);
                  result instanceof Error ? reject(result) : resolve(result);
                };
                // The map hears pointerup before its interactions: look after they had it.
                const onUp = (event) => setTimeout(() => event.defaultPrevented && stop('taken'), 0);
                const onClick = (event) => stop(event.type);
                const timer = setTimeout(() => stop(new Error('the map did not handle the click within 60 s')), 60000);
                map.on('pointerup', onUp);
                map.on('singleclick', onClick);
                map.on('dblclick', onClick);
              });
            }
            """);
        var pixel = await Page.EvaluateAsync<double[]>(
            "([lon, lat]) => window.envgisMap.getPixelFromCoordinate(window.envgis.fromLonLat([lon, lat]))", new[] { lon, lat });
        var box = await Page.Locator("#map").BoundingBoxAsync() ?? throw new InvalidOperationException("no map");
        await Page.Mouse.ClickAsync(box.X + (float)pixel[0], box.Y + (float)pixel[1]);
        var handled = await Page.EvaluateAsync<string>("() => window.__envgisClickHandled");
        Assert.True(handled is "taken" or "singleclick", $"the click at {lon} {lat} was handled as {handled}");
    }

    /// <summary>
    /// Draws a polygon with mouse clicks: each vertex, then the first one again to close it. Starts only
    /// once the drawing tool is active and the map is idle (tiles and the features to snap to loaded, so
    /// snapping cannot change under the clicks), and checks that the drawing was finished.
    /// </summary>
    public async Task DrawPolygonAsync(params (double Lon, double Lat)[] ring)
    {
        await Page.WaitForFunctionAsync("() => ['draw', 'hole'].includes(window.envgis.workspace.panels().edit.state().editor?.mode())");
        await WaitForTilesAsync();
        foreach (var (lon, lat) in ring)
        {
            await ClickMapAsync(lon, lat);
            Assert.True(await Page.EvaluateAsync<bool>("() => window.envgis.workspace.panels().edit.state().editor.sketching"),
                $"the vertex at {lon} {lat} did not go into the drawing");
        }

        await ClickMapAsync(ring[0].Lon, ring[0].Lat);
        Assert.False(await Page.EvaluateAsync<bool>("() => window.envgis.workspace.panels().edit.state().editor?.sketching ?? false"),
            "closing the ring on its first vertex did not finish the drawing");
        Assert.True(await Page.EvaluateAsync<bool>("() => window.envgis.workspace.panels().edit.state().editor?.geometry() != null"),
            "the finished drawing left no geometry in the editor");
    }

    /// <summary>Waits until the view is still (no animation) and the map has rendered it with every tile.</summary>
    public async Task WaitForViewSettledAsync()
    {
        await Page.WaitForFunctionAsync("() => !window.envgisMap.getView().getAnimating()");
        await WaitForTilesAsync();
    }

    /// <summary>The geometry in the editor (GeoJSON, EPSG:4326).</summary>
    public async Task<JsonElement> EditedGeometryAsync() =>
        await Page.EvaluateAsync<JsonElement>("() => window.envgis.workspace.panels().edit.state().editor?.geometry() ?? null");

    public ILocator Form => Page.Locator("#tabpanel-edit form.record-form");

    public ILocator EditMessage => Page.Locator("[data-testid=edit-message]");

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotDir, name) });

    /// <summary>Waits until the map has no tile pending and has rendered.</summary>
    public async Task WaitForTilesAsync() =>
        await Page.EvaluateAsync("""
            async () => {
              const map = window.envgisMap;
              const data = document.body.dataset;
              const deadline = Date.now() + 60000;
              while (Date.now() < deadline) {
                if (data.tilesPending === '0') {
                  await new Promise((resolve) => { map.once('rendercomplete', resolve); map.render(); });
                  if (data.tilesPending === '0') {
                    return;
                  }
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
              }
              throw new Error('tiles still loading');
            }
            """);

    /// <summary>Record ids of a layer's features rendered under a longitude/latitude.</summary>
    public async Task<string[]> FeatureIdsAtAsync(string layer, double lon, double lat)
    {
        await WaitForTilesAsync();
        return await Page.EvaluateAsync<string[]>("""
            ([layer, lon, lat]) => {
              const pixel = window.envgisMap.getPixelFromCoordinate(window.envgis.fromLonLat([lon, lat]));
              return window.envgis.featuresAtPixel(pixel).filter((hit) => hit.layer === layer).map((hit) => String(hit.id));
            }
            """, new object[] { layer, lon, lat });
    }

    public async Task CloseAsync() => await Context.CloseAsync();
}
