using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.PortalEditing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>The portal's layer page offers every open-data download and the metadata links (Chromium), in Vietnamese and English.</summary>
[Collection("server")]
public sealed class PortalDownloadTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task The_layer_page_offers_geopackage_shapefile_geojson_csv_kml_and_the_iso_and_csw_links()
    {
        var context = await browsers.Browser.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        var log = new BrowserLog(page, server.BaseUrl);
        await page.GotoAsync(server.BaseUrl.ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = 60_000 });
        var item = page.Locator("li.layer[data-layer='rivers']");
        await item.HoverAsync();
        await item.Locator("button[data-action=info]").ClickAsync();
        var drawer = page.Locator("#drawer[data-drawer=metadata]");
        await Expect(drawer.Locator(".meta-download-note")).ToContainTextAsync("không được dùng vào mục đích thương mại");

        var expected = new Dictionary<string, string>
        {
            ["gpkg"] = "application/geopackage+sqlite3",
            ["shp"] = "application/x-shapefile+zip",
            ["geojson"] = "application/geo+json",
            ["csv"] = "text/csv",
            ["kml"] = "application/vnd.google-earth.kml+xml",
        };
        foreach (var (format, mediaType) in expected)
        {
            var link = drawer.Locator($"a[data-format={format}]");
            await Expect(link).ToHaveAttributeAsync("href", $"{server.BaseUrl}ogcapi/collections/rivers/download/{format}");
            var response = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
            Assert.Equal(200, response.Status);
            Assert.StartsWith(mediaType, response.Headers["content-type"], StringComparison.Ordinal);
        }

        await Expect(drawer.Locator("li[data-link=iso] a")).ToHaveAttributeAsync("href", $"{server.BaseUrl}ogcapi/collections/rivers/metadata");
        await Expect(drawer.Locator("li[data-link=csw] a")).ToHaveAttributeAsync("href", $"{server.BaseUrl}csw?service=CSW&request=GetCapabilities");
        var iso = await page.APIRequest.GetAsync($"{server.BaseUrl}ogcapi/collections/rivers/metadata");
        Assert.Contains("MD_Metadata", await iso.TextAsync(), StringComparison.Ordinal);

        // In English, the same page says the terms in English.
        await page.Locator("button[data-lang='en']").ClickAsync();
        await item.HoverAsync();
        await item.Locator("button[data-action=info]").ClickAsync();
        await Expect(drawer.Locator(".meta-download-note")).ToContainTextAsync("may not be used commercially");
        await Expect(drawer.Locator("a[data-format=gpkg]")).ToHaveTextAsync("GeoPackage");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotDir, "open-data-downloads.png") });
        log.AssertClean();
        await context.CloseAsync();
    }
}
