using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>
/// The administrator in Chromium: a unit's scope set with communes picked on the map, a new account
/// (its generated password shown once), a handover to a new holder after which the old holder can no
/// longer sign in and their open session ends, and the account review report.
/// </summary>
[Collection("server")]
public sealed class AdministrationTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Administrator_sets_a_scope_on_the_map_creates_an_account_and_hands_it_over()
    {
        const string unit = "bql-kkt";
        var userName = $"bql.{Guid.NewGuid():N}"[..16];
        var admin = await browsers.Browser.OpenAsync(server);
        await admin.SignInAsync(TestAccounts.AdminUser, ServerFixture.AdminPassword);
        await Expect(admin.Page.Locator("#tab-admin")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(admin.Page.Locator("#tab-review")).ToBeVisibleAsync();

        // The unit's scope: a layer, and two communes chosen by clicking them on the map.
        var first = await server.InsideAsync("HP015");
        var second = await server.InsideAsync("HP016");
        await admin.Page.Locator("details[data-section=units] summary").ClickAsync();
        await admin.Page.Locator("input[name=unitFilter]").FillAsync(unit);
        await admin.Page.Locator($"li[data-unit='{unit}'] button[data-action='admin.scope']").ClickAsync();
        var drawer = admin.Page.Locator("#drawer[data-drawer=unit]");
        await drawer.Locator("input[name=layer][value=industrial_parks]").CheckAsync();
        await drawer.Locator("button[data-action='admin.pickOnMap']").ClickAsync();
        // (The drawer covers the right of the map: each commune is brought to the centre, then clicked.)
        await admin.ViewAsync(first.Lon, first.Lat, 12);
        await admin.ClickMapAsync(first.Lon, first.Lat);
        await admin.ViewAsync(second.Lon, second.Lat, 12);
        await admin.ClickMapAsync(second.Lon, second.Lat);
        await Expect(drawer.Locator("[data-testid=chosen-communes] li")).ToHaveCountAsync(2);
        await Expect(drawer.Locator("[data-testid=chosen-communes]")).ToContainTextAsync("HP015");
        await admin.ScreenshotAsync("admin-scope-picked-on-map.png");
        await drawer.Locator("button[data-action='admin.saveScope']").ClickAsync();
        await Expect(drawer.Locator("[data-testid=scope-message]")).ToContainTextAsync("Đã lưu phạm vi");
        using (var api = server.Admin())
        {
            var saved = await (await api.GetAsync($"/api/admin/units/{unit}")).JsonAsync();
            Assert.Equal(new string?[] { "HP015", "HP016" }, saved.GetProperty("area").GetProperty("communes").EnumerateArray().Select(c => c.GetString()).Order().ToArray());
            Assert.Contains("industrial_parks", saved.GetProperty("layers").EnumerateArray().Select(l => l.GetString()));
        }

        await drawer.Locator("button.drawer-close").ClickAsync();

        // A new account; its password is shown once.
        await admin.Page.Locator("button[data-action='admin.newUser']").ClickAsync();
        var form = admin.Page.Locator("#drawer[data-drawer=new-user]");
        await form.Locator("input[name=userName]").FillAsync(userName);
        await form.Locator("select[name=unit]").SelectOptionAsync(unit);
        await form.Locator("select[name=role]").SelectOptionAsync("editor");
        await form.Locator("input[name=holderName]").FillAsync("Lê Thị Cũ");
        await form.Locator("button[data-action='admin.create']").ClickAsync();
        var firstPassword = (await form.Locator("[data-testid=secret] code").TextContentAsync())!.Trim();
        Assert.False(string.IsNullOrWhiteSpace(firstPassword));
        await admin.ScreenshotAsync("admin-account-created.png");

        // The first holder signs in and works within the new scope.
        var oldHolder = await browsers.Browser.OpenAsync(server);
        await oldHolder.SignInAsync(userName, firstPassword);
        await Expect(oldHolder.Page.Locator("#edit-layer option[value=industrial_parks]")).ToHaveCountAsync(1);

        // Handover to the successor (Art. 4.3).
        await admin.Page.Locator($"li[data-user='{userName}'] button[data-action='admin.manage']").ClickAsync();
        var user = admin.Page.Locator("#drawer[data-drawer=user]");
        await user.Locator("input[name=holderName]").FillAsync("Phạm Văn Mới");
        await user.Locator("input[name=reason]").FillAsync("Chuyển công tác");
        await user.Locator("button[data-action='admin.handover']").ClickAsync();
        await admin.Page.Locator("dialog.modal button[data-action='admin.handover']").ClickAsync();
        var newPassword = (await user.Locator("[data-testid=secret] code").TextContentAsync())!.Trim();
        Assert.NotEqual(firstPassword, newPassword);
        await admin.ScreenshotAsync("admin-handed-over.png");

        // The old holder's open session has ended, and the old password no longer works.
        oldHolder.Log.Allow(p => p.Contains("401"));
        await oldHolder.Page.ReloadAsync();
        await oldHolder.WaitForMapAsync();
        await Expect(oldHolder.Page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        await oldHolder.Page.Locator("[data-testid=sign-in]").ClickAsync();
        await oldHolder.FillSignInAsync(userName, firstPassword);
        await Expect(oldHolder.Page.Locator("dialog.signin .message.error")).ToContainTextAsync("Đăng nhập không thành công");
        await oldHolder.ScreenshotAsync("old-holder-refused.png");

        // The new holder signs in.
        var newHolder = await browsers.Browser.OpenAsync(server);
        await newHolder.SignInAsync(userName, newPassword);
        using (var api = server.Admin())
        {
            var found = await (await api.GetAsync($"/api/admin/users/{userName}")).JsonAsync();
            Assert.Equal("Phạm Văn Mới", found.GetProperty("holderName").GetString());
        }

        // The handover history and the account review report.
        await admin.Page.Locator($"li[data-user='{userName}'] button[data-action='admin.manage']").ClickAsync();
        await Expect(admin.Page.Locator("#drawer[data-drawer=user]")).ToContainTextAsync("Lê Thị Cũ → Phạm Văn Mới");
        await admin.Page.Locator("details[data-section=review] summary").ClickAsync();
        await Expect(admin.Page.Locator("section[data-part=noNamedHolder]")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("admin-account-review.png");

        admin.Log.AssertClean();
        oldHolder.Log.AssertClean();
        newHolder.Log.AssertClean();
    }
}
