using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.PortalEditing;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.Portal;

/// <summary>
/// Issue 14, items 1–12: what got in the way of the public, a commune editor, a commune chairman and
/// the administrator, each tried in Chromium as they would (clicks, wheel, keyboard), at desktop size
/// and at 390 × 844. Screenshots: TestResults/screenshots/issue14-*.png.
/// </summary>
[Collection("server")]
public sealed class PortalIssueTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    private const string Incidents = "environmental_incidents";

    private async Task<(PortalPage Page, TestUser User)> EditorAsync(string commune, int width = 1280, int height = 800, string role = "editor")
    {
        var unit = $"xa-{commune.ToLowerInvariant()}";
        await server.SetScopeAsync(unit, [Incidents, "polluted_zones"]);
        var user = await server.CreateUserAsync(unit, role);
        var page = await browsers.Browser.OpenAsync(server, width, height);
        await page.SignInAsync(user.Name, user.Password);
        return (page, user);
    }

    private static async Task<long> CreateIncidentAsync(TestUser user, ServerFixture server, (double Lon, double Lat) at, string name)
    {
        using var api = user.Client(server);
        var created = await api.PostAsJsonAsync($"/api/layers/{Incidents}/records", TestPlaces.IncidentFeature(at, name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<double> ZoomAsync(PortalPage page) =>
        await page.Page.EvaluateAsync<double>("() => window.envgisMap.getView().getZoom()");

    private static async Task WheelOverMapAsync(PortalPage page, float dy = -300)
    {
        var box = (await page.Page.Locator("#map").BoundingBoxAsync())!;
        await page.Page.Mouse.MoveAsync(box.X + (box.Width * 0.6f), box.Y + (box.Height * 0.5f));
        await page.Page.Mouse.WheelAsync(0, dy);
    }

    [Fact]
    public async Task Item01_a_closed_drawer_leaves_nothing_over_the_map_and_clicks_reach_it()
    {
        var (page, user) = await EditorAsync("HP080");
        var at = await server.InsideAsync("HP080");
        var id = await CreateIncidentAsync(user, server, at, "Sự cố thử ngăn kéo");
        await page.Page.Locator("#edit-layer").SelectOptionAsync(Incidents);
        await page.Page.Locator($"li[data-record='{Incidents}.{id}'] button[data-action='edit.history']").ClickAsync();
        var drawer = page.Page.Locator("#drawer[data-drawer=history]");
        await Expect(drawer).ToBeVisibleAsync();
        await drawer.Locator("button.drawer-close").ClickAsync();
        await Expect(page.Page.Locator("#drawer")).ToBeHiddenAsync();

        // Where the drawer was, the map is what the pointer meets.
        var box = (await page.Page.Locator("#map").BoundingBoxAsync())!;
        var hit = await page.Page.EvaluateAsync<string>(
            "([x, y]) => document.elementFromPoint(x, y)?.closest('#map, #drawer')?.id ?? ''", new double[] { box.X + box.Width - 100, box.Y + (box.Height / 2) });
        Assert.Equal("map", hit);
        await page.ScreenshotAsync("issue14-01-drawer-closed.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item02_the_wheel_and_a_drag_work_at_once_and_after_using_the_panel()
    {
        var page = await browsers.Browser.OpenAsync(server);
        var before = await ZoomAsync(page);
        await WheelOverMapAsync(page);
        await page.Page.WaitForFunctionAsync($"() => window.envgisMap.getView().getZoom() > {before.ToString(System.Globalization.CultureInfo.InvariantCulture)} + 0.5");

        // A drag pans the map without a click first.
        var center = await page.Page.EvaluateAsync<double[]>("() => window.envgisMap.getView().getCenter()");
        var box = (await page.Page.Locator("#map").BoundingBoxAsync())!;
        await page.Page.Mouse.MoveAsync(box.X + 300, box.Y + 300);
        await page.Page.Mouse.DownAsync();
        await page.Page.Mouse.MoveAsync(box.X + 400, box.Y + 350, new() { Steps = 5 });
        await page.Page.Mouse.UpAsync();
        var after = await page.Page.EvaluateAsync<double[]>("() => window.envgisMap.getView().getCenter()");
        Assert.NotEqual(center[0], after[0]);

        // After using the panel (focus moves there), the wheel still works.
        await page.Page.Locator("li.layer[data-layer='rivers'] input").ClickAsync();
        var zoom = await ZoomAsync(page);
        await WheelOverMapAsync(page, 300);
        await page.Page.WaitForFunctionAsync($"() => window.envgisMap.getView().getZoom() < {zoom.ToString(System.Globalization.CultureInfo.InvariantCulture)} - 0.5");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item03_a_submitted_record_appears_on_the_editors_map_at_once_marked_by_its_status()
    {
        var (page, _) = await EditorAsync("HP081");
        var at = await server.InsideAsync("HP081");
        await page.Page.Locator("#edit-layer").SelectOptionAsync(Incidents);
        await page.ViewAsync(at.Lon, at.Lat, 15);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await page.ClickMapAsync(at.Lon, at.Lat);
        var name = $"Cá chết thử {Guid.NewGuid():N}"[..20];
        await page.Form.Locator("input[name=name]").FillAsync(name);
        await page.Form.Locator("select[name=incident_type]").SelectOptionAsync("fish_kill");
        await page.Form.Locator("input[name=occurred_on]").FillAsync("2025-06-01");
        await page.Page.Locator("button[data-action='edit.submit']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã gửi duyệt");
        var id = await server.ScalarAsync<long>($"SELECT id FROM data.{Incidents} WHERE name = $1", name);

        // On the map without a reload, drawn with the "submitted" mark that published records do not have.
        await page.Page.Locator("#tab-layers").ClickAsync();
        await page.Page.Locator($"li.layer[data-layer='{Incidents}'] input").CheckAsync();
        await page.Page.WaitForFunctionAsync("""
            (id) => window.envgis.layers.get('environmental_incidents').getFeaturesInExtent(window.envgisMap.getView().calculateExtent())
              .some((f) => String(f.getId()) === id)
            """, id.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
        var styles = await page.Page.EvaluateAsync<JsonElement>("""
            (id) => {
              const layer = window.envgis.layers.get('environmental_incidents');
              const resolution = window.envgisMap.getView().getResolution();
              const mine = layer.getFeaturesInExtent(window.envgisMap.getView().calculateExtent()).find((f) => String(f.getId()) === id);
              const published = { get: (k) => (k === 'status' ? 'published' : mine.get(k)), getGeometry: () => mine.getGeometry(), getType: () => mine.getType(), getId: () => 0 };
              const style = layer.getStyleFunction();
              return { status: mine.get('status'), mine: style(mine, resolution).length, published: style(published, resolution).length };
            }
            """, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("submitted", styles.GetProperty("status").GetString());
        Assert.True(styles.GetProperty("mine").GetInt32() > styles.GetProperty("published").GetInt32(), styles.ToString());
        await page.WaitForTilesAsync();
        await page.ScreenshotAsync("issue14-03-submitted-on-own-map.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item04_an_editor_is_offered_only_what_the_server_allows_and_may_propose_a_change_to_a_published_record()
    {
        var at = await server.InsideAsync("HP082");
        var published = await server.InsertIncidentAsync("xa-hp082", "published", at, "Sự cố đã công bố thử");
        var (page, _) = await EditorAsync("HP082");
        await page.Page.Locator("#edit-layer").SelectOptionAsync(Incidents);
        var item = page.Page.Locator($"li[data-record='{Incidents}.{published}']");
        await Expect(item).ToBeVisibleAsync();
        await Expect(item.Locator("button[data-action='edit.delete']")).ToHaveCountAsync(0);
        await Expect(item.Locator("button[data-action='edit.restore']")).ToHaveCountAsync(0);
        await Expect(item.Locator("button[data-action='edit.edit']")).ToHaveCountAsync(0);
        var propose = item.Locator("button[data-action='edit.propose']");
        await Expect(propose).ToBeVisibleAsync();
        await Expect(propose).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("duyệt lại"));
        await propose.ClickAsync();
        await Expect(page.Page.Locator("[data-testid=propose-note]")).ToContainTextAsync("phê duyệt lại");
        await page.ScreenshotAsync("issue14-04-propose-change.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item05_refusals_are_said_in_the_chosen_language()
    {
        var user = await server.CreateUserAsync("xa-hp083", "editor");
        var page = await browsers.Browser.OpenAsync(server);
        page.Log.Allow(p => p.Contains("401"));
        await page.Page.Locator("[data-testid=sign-in]").ClickAsync();
        await page.FillSignInAsync(user.Name, "wrong-password-1");
        var error = page.Page.Locator("dialog.signin .message.error");
        await Expect(error).ToContainTextAsync("Đăng nhập không thành công");
        var text = await error.TextContentAsync();
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong", text, StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync("issue14-05-sign-in-refused-vi.png");
        await page.Page.Locator("dialog.signin button[data-action=cancel]").ClickAsync();

        // In English, the same refusal in English.
        await page.Page.Locator("button[data-lang='en']").ClickAsync();
        await page.Page.Locator("[data-testid=sign-in]").ClickAsync();
        await page.FillSignInAsync(user.Name, "wrong-password-2");
        await Expect(page.Page.Locator("dialog.signin .message.error")).ToContainTextAsync("Sign-in failed");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item06_restoring_an_older_version_of_a_published_record_says_first_that_it_leaves_the_public_map()
    {
        await server.SetScopeAsync("xa-hp084", [Incidents]);
        var editor = await server.CreateUserAsync("xa-hp084", "editor");
        var chairman = await server.CreateUserAsync("xa-hp084", "approver");
        var at = await server.InsideAsync("HP084");
        var id = await CreateIncidentAsync(editor, server, at, "Sự cố khôi phục thử");
        using (var api = editor.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/layers/{Incidents}/records/{id}/submit", new { version = 1 })).StatusCode);
        }

        using (var api = chairman.Client(server))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/layers/{Incidents}/records/{id}/approve", new { version = 2 })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/layers/{Incidents}/records/{id}/publish", new { version = 3 })).StatusCode);
        }

        var page = await browsers.Browser.OpenAsync(server);
        await page.SignInAsync(chairman.Name, chairman.Password);
        await page.Page.Locator("#tab-edit").ClickAsync();
        await page.Page.Locator("#edit-layer").SelectOptionAsync(Incidents);
        await page.Page.Locator($"li[data-record='{Incidents}.{id}'] button[data-action='edit.history']").ClickAsync();
        var drawer = page.Page.Locator("#drawer[data-drawer=history]");
        await drawer.Locator("li.version[data-version='1'] button[data-action='history.restore']").ClickAsync();
        var dialog = page.Page.Locator("dialog.modal");
        await Expect(dialog).ToContainTextAsync("rời bản đồ công khai");
        await page.ScreenshotAsync("issue14-06-restore-consequence.png");
        await dialog.Locator("button[data-action=cancel]").ClickAsync();
        Assert.Equal("published", await server.ScalarAsync<string>($"SELECT status FROM data.{Incidents} WHERE id = $1", id));
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item07_on_a_phone_the_signed_in_page_fits_the_screen_and_drawing_leaves_the_map_free()
    {
        var (page, _) = await EditorAsync("HP085", 390, 844);
        var layout = await page.Page.EvaluateAsync<JsonElement>("""
            () => {
              const en = document.querySelector('button[data-lang=en]').getBoundingClientRect();
              return { width: document.documentElement.scrollWidth, header: document.querySelector('header').offsetHeight, enRight: en.right, enTop: en.top };
            }
            """);
        Assert.True(layout.GetProperty("width").GetInt32() <= 390, layout.ToString());
        Assert.True(layout.GetProperty("header").GetInt32() <= 100, layout.ToString());
        Assert.True(layout.GetProperty("enRight").GetDouble() <= 390, layout.ToString());
        await page.ScreenshotAsync("issue14-07-phone-signed-in.png");

        // Drawing: the panel is open on the edit tab and must leave most of the map visible.
        var at = await server.InsideAsync("HP085");
        await page.Page.Locator("#panel-toggle").ClickAsync();
        await page.Page.Locator("#edit-layer").SelectOptionAsync("polluted_zones");
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await page.ViewAsync(at.Lon, at.Lat, 15);
        var covered = await page.Page.EvaluateAsync<double>("""
            () => {
              const map = document.getElementById('map').getBoundingClientRect();
              const panel = document.getElementById('panel').getBoundingClientRect();
              const overlap = Math.max(0, Math.min(map.bottom, panel.bottom) - Math.max(map.top, panel.top)) * Math.max(0, Math.min(map.right, panel.right) - Math.max(map.left, panel.left));
              return overlap / (map.width * map.height);
            }
            """);
        Assert.True(covered < 0.5, $"the panel covers {covered:P0} of the map while drawing");
        await page.ScreenshotAsync("issue14-07-phone-drawing.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item08_search_ignores_accents_is_there_on_every_tab_and_opens_the_found_feature()
    {
        var (page, _) = await EditorAsync("HP086");
        await Expect(page.Page.Locator("#tab-edit")).ToHaveAttributeAsync("aria-selected", "true");
        await page.Page.Locator("#search-input").FillAsync("vuon quoc gia cat ba");
        var hit = page.Page.Locator("[data-testid=search-results] button.search-hit", new() { HasTextString = "Vườn quốc gia Cát Bà" });
        await Expect(hit).ToBeVisibleAsync();
        await hit.ClickAsync();
        await Expect(page.Page.Locator(".popup .feature-label")).ToHaveTextAsync("Vườn quốc gia Cát Bà");
        await page.Page.WaitForFunctionAsync("() => window.envgisMap.getView().getZoom() > 10");
        await page.ScreenshotAsync("issue14-08-search-opened.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item09_the_city_fills_the_first_view_legends_and_categories_fold_and_place_names_show()
    {
        var page = await browsers.Browser.OpenAsync(server);
        // The city (mainland and Cát Bà) spans most of the map's width.
        var share = await page.Page.EvaluateAsync<double>("""
            () => {
              const map = window.envgisMap;
              const [a, b] = [[106.13, 20.68], [107.12, 21.22]].map((p) => map.getPixelFromCoordinate(window.envgis.fromLonLat(p)));
              return Math.abs(b[0] - a[0]) / map.getSize()[0];
            }
            """);
        Assert.True(share > 0.6, $"the city spans {share:P0} of the map's width");

        // Legends open on demand; the panel is short.
        var panelHeight = await page.Page.EvaluateAsync<int>("() => document.getElementById('layer-list').scrollHeight");
        Assert.True(panelHeight < 2000, $"the layer list is {panelHeight} px tall");
        var legendButton = page.Page.Locator("li.layer[data-layer='protected_areas'] button[data-action=legend]");
        var legend = page.Page.Locator("#legend-protected_areas");
        await Expect(legend).ToBeHiddenAsync();
        await legendButton.ClickAsync();
        await Expect(legend).ToBeVisibleAsync();
        await Expect(legendButton).ToHaveAttributeAsync("aria-expanded", "true");

        // A category folds.
        var category = page.Page.Locator("section.category[data-category='2']");
        await category.Locator("summary").ClickAsync();
        await Expect(category.Locator("li.layer").First).ToBeHiddenAsync();
        await category.Locator("summary").ClickAsync();
        await Expect(category.Locator("li.layer").First).ToBeVisibleAsync();

        // Place names from the communes' labels, with the communes layer off.
        await page.Page.Locator("li.layer[data-layer='communes'] input").UncheckAsync();
        await page.ViewAsync(106.68, 20.86, 12);
        await page.WaitForTilesAsync();
        var names = await page.Page.EvaluateAsync<int>("""
            () => {
              const layer = window.envgisMap.getAllLayers().find((l) => l.get('envgisPlaceNames'));
              const features = layer.getFeaturesInExtent(window.envgisMap.getView().calculateExtent());
              const style = layer.getStyleFunction();
              return features.filter((f) => { const s = style(f, window.envgisMap.getView().getResolution()); return s && s.getText().getText(); }).length;
            }
            """);
        Assert.True(names > 0, "no place names drawn");
        await Expect(page.Page.Locator("select[data-testid=base-map] option[value=land]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("issue14-09-place-names.png");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item10_first_paint_needs_one_API_call_and_the_public_bundle_is_small()
    {
        var context = await browsers.Browser.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        var api = new List<string>();
        long? scriptBytes = 0;
        var firstTile = false;
        page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (path.EndsWith(".mvt", StringComparison.Ordinal))
            {
                firstTile = true;
            }
            else if (!firstTile && (path.StartsWith("/api/", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal)))
            {
                api.Add(path);
            }
        };
        var transferred = new List<Task<long>>();
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith(".js", StringComparison.Ordinal) || response.Url.EndsWith(".css", StringComparison.Ordinal))
            {
                transferred.Add(Task.Run(async () => long.Parse((await response.AllHeadersAsync()).GetValueOrDefault("content-length", "0"), System.Globalization.CultureInfo.InvariantCulture)));
            }
        };
        await page.GotoAsync(server.BaseUrl.ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = 60_000 });
        Assert.Equal(["/api/portal/bootstrap"], api);
        scriptBytes = (await Task.WhenAll(transferred)).Sum();
        Assert.True(scriptBytes < 150 * 1024, $"the public map loaded {scriptBytes} bytes of script and style");
        // Editing and administration were not loaded.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter((e) => /workspace|panel-/.test(e.name)).length"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Item11_the_popup_keeps_the_map_still_names_the_record_once_without_ids_and_closes_when_drawing_starts()
    {
        var page = await browsers.Browser.OpenAsync(server);
        await page.ViewAsync(107.05, 20.80, 11);
        await page.WaitForTilesAsync();
        var before = await page.Page.EvaluateAsync<double[]>("() => window.envgisMap.getView().getCenter()");
        await page.ClickMapAsync(107.05, 20.80);
        var popup = page.Page.Locator(".popup");
        await Expect(popup).ToBeVisibleAsync();
        var park = popup.Locator("section.feature[data-layer='protected_areas']", new() { HasText = "Vườn quốc gia Cát Bà" });
        await Expect(park.Locator(".feature-label")).ToHaveTextAsync("Vườn quốc gia Cát Bà");
        await Expect(park.Locator("dt", new() { HasTextString = "Tên khu bảo tồn" })).ToHaveCountAsync(0);
        await Expect(popup.Locator("dt", new() { HasTextString = "Mã bản ghi" })).ToHaveCountAsync(0);
        Assert.DoesNotContain("protected_areas.", await popup.InnerTextAsync(), StringComparison.Ordinal);
        var after = await page.Page.EvaluateAsync<double[]>("() => window.envgisMap.getView().getCenter()");
        Assert.Equal(before, after);
        await page.ScreenshotAsync("issue14-11-popup.png");

        // Measuring (drawing on the map) closes it.
        await page.Page.Locator("button[data-tool='measure-line']").ClickAsync();
        await Expect(popup).ToBeHiddenAsync();
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Item12_administration_units_are_found_by_typing_inapplicable_controls_hidden_sections_kept_own_password_changed()
    {
        var admin = await browsers.Browser.OpenAsync(server);
        await admin.SignInAsync(TestAccounts.AdminUser, ServerFixture.AdminPassword);
        await admin.Page.Locator("button[data-action='admin.newUser']").ClickAsync();
        var form = admin.Page.Locator("#drawer[data-drawer=new-user]");
        await form.Locator("input[name=unitFilter]").FillAsync("ha bac");
        await Expect(form.Locator("select[name=unit] option")).ToHaveCountAsync(1);
        await Expect(form.Locator("select[name=unit]")).ToHaveValueAsync("xa-hp101");
        // A commune account cannot be granted writing as a connection account: the box is not shown.
        await Expect(form.Locator("input[name=clientCanWrite]")).ToBeHiddenAsync();
        await form.Locator("input[name=unitFilter]").FillAsync("ket-noi");
        await Expect(form.Locator("input[name=clientCanWrite]")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("issue14-12-unit-picker.png");
        await form.Locator("button.drawer-close").ClickAsync();

        // Switching the language keeps the open sections open.
        await admin.Page.Locator("details[data-section=units] summary").ClickAsync();
        await admin.Page.Locator("button[data-lang='en']").ClickAsync();
        await Expect(admin.Page.Locator("details[data-section=units]")).ToHaveAttributeAsync("open", "");
        await Expect(admin.Page.Locator("details[data-section=units] summary")).ToHaveTextAsync("Units and data scopes");
        await admin.Page.Locator("button[data-lang='vi']").ClickAsync();
        admin.Log.AssertClean();

        // Anyone signed in changes their own password.
        var user = await server.CreateUserAsync("xa-hp087", "editor");
        var person = await browsers.Browser.OpenAsync(server);
        await person.SignInAsync(user.Name, user.Password);
        await person.Page.Locator("#account-area summary.who").ClickAsync();
        await person.Page.Locator("[data-testid=own-password]").ClickAsync();
        var dialog = person.Page.Locator("dialog.password");
        var fresh = "Mk-moi-" + Guid.NewGuid().ToString("N")[..10];
        await dialog.Locator("input[name=currentPassword]").FillAsync(user.Password);
        await dialog.Locator("input[name=newPassword]").FillAsync(fresh);
        await dialog.Locator("input[name=newPasswordAgain]").FillAsync(fresh);
        await dialog.Locator("button[data-action='password.save']").ClickAsync();
        await Expect(person.Page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        using (var old = server.Basic(user.Name, user.Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/account/me")).StatusCode);
        }

        await person.SignInAsync(user.Name, fresh);
        person.Log.AssertClean();
    }
}
