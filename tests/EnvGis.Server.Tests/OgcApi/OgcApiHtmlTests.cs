using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.PortalEditing;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.OgcApi;

/// <summary>
/// The open-data pages of /ogcapi in Debian's headless Chromium under a strict Content-Security-Policy
/// (no script at all, styles only from the server): Vietnamese first, English on a click, a map per
/// collection, licence and citation, paging, and record text escaped.
/// </summary>
[Collection("server")]
public sealed class OgcApiHtmlTests(ServerFixture server, PortalBrowserFixture browser) : IClassFixture<PortalBrowserFixture>
{
    private const string StrictPolicy = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'none'; base-uri 'none'; form-action 'none'";

    private async Task<(IPage Page, BrowserLog Log)> OpenAsync(string path)
    {
        var page = await browser.Browser.NewPageAsync();
        var log = new BrowserLog(page, server.BaseUrl);
        // Serve every page as if behind a strict policy: any inline script or style would be refused and logged.
        await page.RouteAsync("**/ogcapi/**", async route =>
        {
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = StrictPolicy };
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
        });
        var answer = await page.GotoAsync(new Uri(server.BaseUrl, path).ToString());
        Assert.True(answer is { Ok: true }, $"GET {path} answered {answer?.Status}");
        return (page, log);
    }

    private static async Task AssertNoScriptOrInlineStyleAsync(IPage page)
    {
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("[style]").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
    }

    [Fact]
    public async Task A_visitor_browses_from_the_landing_page_to_a_feature_in_vietnamese_then_english()
    {
        var (page, log) = await OpenAsync("/ogcapi");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dữ liệu mở môi trường Hải Phòng");
        // The stylesheet applies (so it was allowed by the policy).
        Assert.Equal("rgb(15, 92, 77)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header')).backgroundColor"));
        await AssertNoScriptOrInlineStyleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Các lớp dữ liệu", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị hành chính cấp xã" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đơn vị hành chính cấp xã");
        var map = page.Locator("figure.map img");
        await Expect(map).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('figure.map img'); return i.complete && i.naturalWidth > 0; }");
        await Expect(page.Locator(".terms")).ToContainTextAsync("ODbL");
        await Expect(page.Locator(".terms")).ToContainTextAsync("trích dẫn nguồn");
        await AssertNoScriptOrInlineStyleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Đối tượng", Exact = true }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Trang sau" }).ClickAsync();
        Assert.Contains("offset=10", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(10);
        await page.Locator("tbody tr td a").First.ClickAsync();
        await Expect(page.Locator("th", new() { HasText = "Tên" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('figure.map img'); return i.complete && i.naturalWidth > 0; }");
        Directory.CreateDirectory(PortalBrowser.ScreenshotDir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotDir, "ogcapi-item-vi.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("th", new() { HasText = "Name" })).ToBeVisibleAsync();
        await Expect(page.Locator("nav")).ToContainTextAsync("Data layers");
        await AssertNoScriptOrInlineStyleAsync(page);
        log.AssertClean();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Record_text_is_shown_as_text_never_as_markup()
    {
        var name = $"<script>window.hacked = 1</script><b id=\"bold\">{Guid.NewGuid():N}</b>";
        var id = await server.InsertIncidentAsync("so-nnmt", "published", await server.InsideAsync("HP005"), name);
        var (page, log) = await OpenAsync($"/ogcapi/collections/environmental_incidents/items/{id}?f=html");
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        Assert.Equal(0, await page.Locator("#bold").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.hacked"));
        await AssertNoScriptOrInlineStyleAsync(page);

        await page.GotoAsync(new Uri(server.BaseUrl, "/ogcapi/collections/environmental_incidents/items?f=html&limit=1000").ToString());
        await Expect(page.Locator("td", new() { HasText = name })).ToHaveCountAsync(1);
        await AssertNoScriptOrInlineStyleAsync(page);
        log.AssertClean();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refusal_is_a_readable_page_for_a_browser()
    {
        var page = await browser.Browser.NewPageAsync();
        var response = await page.GotoAsync(new Uri(server.BaseUrl, "/ogcapi/collections/communes/items?filter=nothing%3D1").ToString());
        Assert.Equal(400, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không thực hiện được yêu cầu");
        await Expect(page.Locator("p").First).ToContainTextAsync("nothing");
        await page.Context.CloseAsync();
    }
}
