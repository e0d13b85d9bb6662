using System.Net;
using System.Net.Http.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.PortalEditing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>
/// The catalogue's change history in the administrator's catalogue section (Chromium): who, when and
/// what, in Vietnamese; a layer removed in the portal shows there with where its data was archived, and
/// a refused removal says why in Vietnamese and changes nothing.
/// </summary>
[Collection("catalogue")]
public sealed class CatalogueHistoryPortalTests(CatalogueNodes nodes, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    private const string Layer = "quarry_pits";

    [Fact]
    public async Task The_administrator_reads_the_catalogue_history_and_removes_a_layer_in_the_portal()
    {
        using (var api = CatalogueNodes.Client(nodes.NodeA))
        {
            var added = await api.PostAsJsonAsync("/api/admin/catalogue/layers", new
            {
                name = Layer, category = 3, geometryType = "MultiPolygon", title = new { vi = "Hố khai thác đá", en = "Quarry pits" }, @public = true,
                attributes = new object[] { new { name = "name", type = "text", label = new { vi = "Tên", en = "Name" } } },
            });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/admin/catalogue/layers/{Layer}",
                new { title = new { vi = "Hố khai thác đá (đã sửa)", en = "Quarry pits (edited)" } })).StatusCode);
        }

        await using var context = await browsers.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var log = new BrowserLog(page, nodes.NodeA);
        await page.GotoAsync(nodes.NodeA.ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = 60_000 });
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        var signIn = page.Locator("dialog.signin");
        await signIn.Locator("input[name=userName]").FillAsync("admin");
        await signIn.Locator("input[name=password]").FillAsync(ServerFixture.AdminPassword);
        await signIn.Locator("button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.workspace === 'ready'");

        await page.Locator("details[data-section=catalogue] summary").ClickAsync();
        await page.Locator("details[data-section=catalogue-history] summary").ClickAsync();
        var history = page.Locator("[data-testid=catalogue-history]");
        await Expect(history.Locator("li[data-action]").First).ToContainTextAsync("Người thực hiện: admin");
        var changed = history.Locator("li[data-action=change-layer]", new() { HasText = Layer }).First;
        await Expect(changed).ToContainTextAsync("Sửa lớp");
        await Expect(changed).ToContainTextAsync("admin");
        await Expect(changed).ToContainTextAsync("title_vi: Hố khai thác đá → Hố khai thác đá (đã sửa)");
        await Expect(history.Locator("li[data-action=add-layer]", new() { HasText = Layer })).ToContainTextAsync("Thêm lớp");

        // Removal, confirmed: the layer leaves the list, the history shows it first with the archive's name.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator($"details[data-section=catalogue] li[data-layer={Layer}] button[data-action='admin.removeLayer']").ClickAsync();
        await Expect(page.Locator("[data-testid=catalogue-message]")).ToContainTextAsync("Đã xóa lớp Hố khai thác đá (đã sửa)");
        await Expect(page.Locator($"details[data-section=catalogue] li[data-layer={Layer}]")).ToHaveCountAsync(0);
        var first = history.Locator("li[data-action]").First;
        await Expect(first).ToHaveAttributeAsync("data-action", "remove-layer");
        await Expect(first).ToContainTextAsync("Xóa lớp (lưu trữ)");
        await Expect(first).ToContainTextAsync($"archivedAs: archive.{Layer}__");
        Assert.False(await nodes.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM catalogue.layers WHERE name = '{Layer}')"));

        // A layer the server relies on: refused, said in Vietnamese, nothing changed.
        var before = await CatalogueRefusalTests.StateOf(nodes);
        log.Allow(p => p.Contains("409", StringComparison.Ordinal) && p.Contains("/api/admin/catalogue/layers/communes", StringComparison.Ordinal));
        await page.Locator("details[data-section=catalogue] li[data-layer=communes] button[data-action='admin.removeLayer']").ClickAsync();
        await Expect(page.Locator("[data-testid=catalogue-message]")).ToContainTextAsync("Không thể xóa lớp");
        Assert.Equal(before, await CatalogueRefusalTests.StateOf(nodes));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotDir, "catalogue-history.png") });
        log.AssertClean();
    }
}
