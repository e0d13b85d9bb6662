using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.PortalEditing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>
/// The administrator in Chromium adds a layer with its attributes and edits its allowed values in the
/// catalogue section; after the page reloads its bootstrap (the server keeps running) the layer is in
/// the layer list and its editing form offers the attributes with their labels.
/// </summary>
[Collection("catalogue")]
public sealed class CataloguePortalTests(CatalogueNodes nodes, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task The_administrator_adds_a_layer_in_the_portal_and_it_appears_in_the_layer_list_and_the_editing_form()
    {
        await using var context = await browsers.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var log = new BrowserLog(page, nodes.NodeA);
        await page.GotoAsync(nodes.NodeA.ToString());
        await WaitForMapAsync(page);
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        var dialog = page.Locator("dialog.signin");
        await dialog.Locator("input[name=userName]").FillAsync("admin");
        await dialog.Locator("input[name=password]").FillAsync(ServerFixture.AdminPassword);
        await dialog.Locator("button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.workspace === 'ready'");

        // A new layer with a required name and a kind chosen from labelled values.
        await page.Locator("details[data-section=catalogue] summary").ClickAsync();
        await Expect(page.Locator("details[data-section=catalogue] li[data-layer=rivers]")).ToBeVisibleAsync();
        await page.Locator("button[data-action='admin.newLayer']").ClickAsync();
        var form = page.Locator("#drawer[data-drawer=layer-form]");
        await form.Locator("input[name=layerName]").FillAsync("heron_colonies");
        await form.Locator("select[name=category]").SelectOptionAsync("2");
        await form.Locator("select[name=geometryType]").SelectOptionAsync("Point");
        await form.Locator("input[name=titleVi]").FillAsync("Sân chim thử");
        await form.Locator("input[name=titleEn]").FillAsync("Test heron colonies");
        await form.Locator("input[name=labelAttribute]").FillAsync("name");
        var first = form.Locator(".attribute-fields").Nth(0);
        await first.Locator("input[name=attrName]").FillAsync("name");
        await first.Locator("input[name=attrRequired]").CheckAsync();
        await first.Locator("input[name=attrLabelVi]").FillAsync("Tên sân chim");
        await first.Locator("input[name=attrLabelEn]").FillAsync("Colony name");
        await form.Locator("button[data-action='admin.addAttributeRow']").ClickAsync();
        var second = form.Locator(".attribute-fields").Nth(1);
        await second.Locator("input[name=attrName]").FillAsync("species");
        await second.Locator("input[name=attrLabelVi]").FillAsync("Loài");
        await second.Locator("input[name=attrLabelEn]").FillAsync("Species");
        await second.Locator("textarea[name=attrValues]").FillAsync("heron = Diệc / Heron\negret = Cò trắng / Egret");
        await form.Locator("button[data-action='admin.saveLayer']").ClickAsync();
        await Expect(page.Locator("[data-testid=catalogue-message]")).ToContainTextAsync("Đã thêm lớp Sân chim thử");

        // Its allowed values get one more, with labels in both languages.
        await page.Locator("details[data-section=catalogue] li[data-layer=heron_colonies] button[data-action='admin.editLayer']").ClickAsync();
        var edit = page.Locator("#drawer[data-drawer=layer-edit]");
        var species = edit.Locator("fieldset[data-attribute=species]");
        await Expect(species.Locator("textarea[name=attrValues]")).ToHaveValueAsync("heron = Diệc / Heron\negret = Cò trắng / Egret");
        await species.Locator("textarea[name=attrValues]").FillAsync("heron = Diệc / Heron\negret = Cò trắng / Egret\nstork = Cò nhạn / Stork");
        await species.Locator("button[data-action='admin.saveAttribute']").ClickAsync();
        await Expect(edit.Locator("[data-testid=layer-message]")).ToContainTextAsync("Đã lưu danh mục");
        using (var api = CatalogueNodes.Client(nodes.NodeA))
        {
            var layer = (await CatalogueClient.ListedLayerAsync(api, "heron_colonies"))!.Value;
            var kinds = layer.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "species");
            Assert.Equal(["heron", "egret", "stork"], kinds.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal("Stork", kinds.GetProperty("valueLabels").GetProperty("stork").GetProperty("en").GetString());
            Assert.True(layer.GetProperty("attributes")[0].GetProperty("required").GetBoolean());
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotDir, "catalogue-layer-edited.png") });
        await edit.Locator("button.drawer-close").ClickAsync();

        // The page reloads its bootstrap (the server runs on): the layer is in the list and in the editing form.
        await page.Locator("button[data-action='admin.reloadMap']").ClickAsync();
        await WaitForMapAsync(page);
        await page.WaitForFunctionAsync("() => document.body.dataset.workspace === 'ready'");
        await Expect(page.Locator("#layer-list")).ToContainTextAsync("Sân chim thử");
        await page.Locator("#tab-edit").ClickAsync();
        await page.Locator("#edit-layer").SelectOptionAsync("heron_colonies");
        await page.Locator("button[data-action='edit.new']").ClickAsync();
        var record = page.Locator("#tabpanel-edit form.record-form");
        await Expect(record.Locator("input[name=name]")).ToBeVisibleAsync();
        await Expect(record).ToContainTextAsync("Tên sân chim");
        await Expect(record.Locator("select[name=species] option[value=stork]")).ToHaveTextAsync("Cò nhạn");
        log.AssertClean();
    }

    private static async Task WaitForMapAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' || document.body.dataset.ready === 'error'",
            null, new() { Timeout = 60_000 });
        Assert.Equal("true", await page.EvaluateAsync<string>("() => document.body.dataset.ready"));
    }
}
