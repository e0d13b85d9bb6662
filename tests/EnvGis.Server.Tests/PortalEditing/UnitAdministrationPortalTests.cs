using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>
/// The administrator in Chromium creates a unit and edits it, then moves an account to it with a new
/// role and contact, without a handover.
/// </summary>
[Collection("server")]
public sealed class UnitAdministrationPortalTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Administrator_creates_and_edits_a_unit_and_moves_an_account_to_it()
    {
        var code = $"ban-web-{Guid.NewGuid():N}"[..18];
        var account = await server.CreateUserAsync("so-khcn", "editor", holder: "Vũ Văn Giữ");
        var admin = await browsers.Browser.OpenAsync(server);
        await admin.SignInAsync(TestAccounts.AdminUser, ServerFixture.AdminPassword);
        await admin.Page.Locator("details[data-section=units] summary").ClickAsync();

        // A new unit.
        await admin.Page.Locator("button[data-action='admin.newUnit']").ClickAsync();
        var form = admin.Page.Locator("#drawer[data-drawer=unit-form]");
        await form.Locator("input[name=code]").FillAsync(code);
        await form.Locator("input[name=nameVi]").FillAsync("Ban thử <b>nghiệm</b>");
        await form.Locator("input[name=nameEn]").FillAsync("Trial board");
        await form.Locator("select[name=kind]").SelectOptionAsync("city_department");
        await form.Locator("input[name=selfApprove]").CheckAsync();
        await form.Locator("button[data-action='admin.saveUnit']").ClickAsync();
        await Expect(form.Locator("[data-testid=unit-message]")).ToContainTextAsync("Đã lưu đơn vị");
        await form.Locator("button.drawer-close").ClickAsync();

        // Edited: its English name; the Vietnamese one is shown as text.
        await admin.Page.Locator("input[name=unitFilter]").FillAsync(code);
        var item = admin.Page.Locator($"li[data-unit='{code}']");
        await Expect(item.Locator(".item-title")).ToHaveTextAsync("Ban thử <b>nghiệm</b>");
        await item.Locator("button[data-action='admin.editUnit']").ClickAsync();
        await Expect(form.Locator("input[name=code]")).ToBeDisabledAsync();
        await form.Locator("input[name=nameEn]").FillAsync("Trial management board");
        await form.Locator("button[data-action='admin.saveUnit']").ClickAsync();
        await Expect(form.Locator("[data-testid=unit-message]")).ToContainTextAsync("Đã lưu đơn vị");
        await admin.ScreenshotAsync("admin-unit-edited.png");
        await form.Locator("button.drawer-close").ClickAsync();
        using (var api = server.Admin())
        {
            var saved = await (await api.GetAsync($"/api/admin/units/{code}")).JsonAsync();
            Assert.Equal("Trial management board", saved.GetProperty("nameEn").GetString());
            Assert.Equal("city_department", saved.GetProperty("kind").GetString());
            Assert.True(saved.GetProperty("selfApprove").GetBoolean());
        }

        // The account moves to the new unit as its approver, with a new contact; the holder stays.
        await admin.Page.Locator($"li[data-user='{account.Name}'] button[data-action='admin.manage']").ClickAsync();
        var drawer = admin.Page.Locator("#drawer[data-drawer=user]");
        await drawer.Locator("select[name=editUnit]").SelectOptionAsync(code);
        await drawer.Locator("select[name=editRole]").SelectOptionAsync("approver");
        await drawer.Locator("input[name=editContact]").FillAsync("0225 3 842 000");
        await drawer.Locator("button[data-action='admin.saveAccount']").ClickAsync();
        await Expect(admin.Page.Locator($"li[data-user='{account.Name}'] .item-meta")).ToContainTextAsync(code);
        await Expect(drawer).ToContainTextAsync("0225 3 842 000");
        await admin.ScreenshotAsync("admin-account-moved.png");
        Assert.Equal($"{code}|approver|Vũ Văn Giữ", await server.ScalarAsync<string>(
            "SELECT unit_code || '|' || role || '|' || holder_name FROM envgis.users WHERE user_name = $1", account.Name));
        using (var moved = account.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await moved.GetAsync("/api/account/me")).StatusCode);
        }

        admin.Log.AssertClean();
    }
}
