using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>
/// More of the portal in Chromium: snapping a vertex onto a published feature of the same layer,
/// moving a whole drawn shape, API tokens issued and revoked by the administrator, a password reset,
/// and two people saving the same record (the second is offered a reload).
/// </summary>
[Collection("server")]
public sealed class EditingExtrasTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>, IAsyncLifetime
{
    private const string Commune = "HP041";
    private const string Unit = "xa-hp041";
    private const string ConflictUnit = "xa-hp042";
    private const string Layer = "polluted_zones";
    private const string Incidents = "environmental_incidents";

    public async Task InitializeAsync()
    {
        await server.SetScopeAsync(Unit, [Layer]);
        await server.SetScopeAsync(ConflictUnit, [Incidents]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PortalPage> SignedInAsync(TestUser user, string layer)
    {
        var page = await browsers.Browser.OpenAsync(server);
        await page.SignInAsync(user.Name, user.Password);
        await page.Page.Locator("#edit-layer").SelectOptionAsync(layer);
        return page;
    }

    private static async Task FillZoneAsync(PortalPage page, string name)
    {
        await page.Form.Locator("input[name=name]").FillAsync(name);
        await page.Form.Locator("select[name=pollution_type]").SelectOptionAsync("soil");
        await page.Form.Locator("select[name=severity]").SelectOptionAsync("low");
    }

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static List<(double Lon, double Lat)> OuterRing(JsonElement geometry)
    {
        var coordinates = geometry.GetProperty("coordinates");
        var rings = geometry.GetProperty("type").GetString() == "MultiPolygon" ? coordinates[0] : coordinates;
        return rings[0].EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
    }

    /// <summary>The centre of the commune's largest inscribed circle and a half side that fits well inside.</summary>
    private async Task<(double Lon, double Lat, double Half)> CentreAsync()
    {
        var values = await server.ScalarAsync<double[]>(
            """
            SELECT ARRAY[ST_X(c.center), ST_Y(c.center), c.radius]
            FROM data.communes AS m, ST_MaximumInscribedCircle(m.geom) AS c WHERE m.code = $1
            """, Commune);
        return (values[0], values[1], Math.Min(values[2] * 0.4, 0.004));
    }

    [Fact]
    public async Task A_vertex_placed_near_a_published_feature_of_the_layer_snaps_onto_its_vertex()
    {
        var (lon, lat, half) = await CentreAsync();
        var s = half * 0.5;
        var (aLon, aLat) = (Math.Round(lon, 6), Math.Round(lat, 6));
        var existing = await server.ScalarAsync<long>(
            $"""
            INSERT INTO data.{Layer} (name, pollution_type, severity, owner_unit, status, created_by, updated_by, geom)
            VALUES ($1, 'water', 'medium', $2, 'published', 'test', 'test',
                    ST_Multi(ST_MakeEnvelope($3, $4, $5, $6, 4326)))
            RETURNING id
            """, UniqueName("Vùng để bắt điểm"), Unit, aLon, aLat, aLon + s, aLat + s);

        var page = await SignedInAsync(await server.CreateUserAsync(Unit, "editor"), Layer);
        await page.ViewAsync(lon, lat, 16);
        await page.WaitForTilesAsync();
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        // The features to snap to come from WFS for the view's extent.
        await page.Page.WaitForFunctionAsync(
            "layer => performance.getEntriesByType('resource').some((e) => e.name.includes('GetFeature') && e.name.includes(layer))", Layer);
        await page.Page.WaitForFunctionAsync("() => window.envgis.editLayers.snap.getFeatures().length > 0");

        // About 3-4 px (zoom 16) south-west of the existing square's corner; the rest well away from it.
        var near = (Lon: aLon - 5e-5, Lat: aLat - 5e-5);
        await page.DrawPolygonAsync(near, (aLon - (s * 1.2), aLat - (s * 0.2)), (aLon - (s * 0.6), aLat - (s * 1.2)));
        await page.ScreenshotAsync("extras-snap-to-feature.png");
        var first = OuterRing(await page.EditedGeometryAsync())[0];
        Assert.InRange(first.Item1, aLon - 1e-9, aLon + 1e-9);
        Assert.InRange(first.Item2, aLat - 1e-9, aLat + 1e-9);

        var name = UniqueName("Bắt điểm thử");
        await FillZoneAsync(page, name);
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã lưu");
        Assert.True(await server.ScalarAsync<bool>(
            $"""
            SELECT EXISTS (
              SELECT 1 FROM data.{Layer} AS n, ST_DumpPoints(n.geom) AS d, data.{Layer} AS e
              WHERE n.name = $1 AND e.id = $2
                AND ST_DWithin(d.geom, ST_PointN(ST_ExteriorRing(ST_GeometryN(e.geom, 1)), 1), 1e-9))
            """, name, existing), "no saved vertex lies on the existing feature's corner");
        page.Log.AssertClean();
    }

    [Fact]
    public async Task Moving_a_drawn_shape_shifts_the_saved_geometry_by_the_drag()
    {
        var (lon, lat, half) = await CentreAsync();
        var page = await SignedInAsync(await server.CreateUserAsync(Unit, "editor"), Layer);
        await page.ViewAsync(lon, lat, 15);
        await page.Page.Locator("button[data-action='edit.new']").ClickAsync();
        var d = half * 0.5;
        await page.DrawPolygonAsync((lon - d, lat - d), (lon + d, lat - d), (lon + d, lat + d), (lon - d, lat + d));
        var before = OuterRing(await page.EditedGeometryAsync());

        // OpenLayers' Translate finds the shape under the pointer by reading a hit-detection canvas, on which
        // Chromium logs a performance hint (not an error).
        page.Log.Allow(p => p.Contains("willReadFrequently"));
        await page.Page.Locator("#tabpanel-edit .tools button[data-mode=move]").ClickAsync();
        await Expect(page.Page.Locator("#tabpanel-edit .tools button[data-mode=move]")).ToHaveAttributeAsync("aria-pressed", "true");

        // Drag from inside the shape (a little off its centre) by 60 px right and 40 px up.
        var start = await page.Page.EvaluateAsync<double[]>(
            "([lon, lat]) => window.envgisMap.getPixelFromCoordinate(window.envgis.fromLonLat([lon, lat]))", new[] { lon + (d * 0.3), lat + (d * 0.2) });
        var (sx, sy) = (Math.Round(start[0]), Math.Round(start[1]));
        var (ex, ey) = (sx + 60, sy - 40);
        var box = await page.Page.Locator("#map").BoundingBoxAsync() ?? throw new InvalidOperationException("no map");
        await page.Page.Mouse.MoveAsync(box.X + (float)sx, box.Y + (float)sy);
        await page.Page.Mouse.DownAsync();
        for (var i = 1; i <= 10; i++)
        {
            await page.Page.Mouse.MoveAsync(box.X + (float)(sx + ((ex - sx) * i / 10)), box.Y + (float)(sy + ((ey - sy) * i / 10)));
        }

        await page.Page.Mouse.UpAsync();
        // The drag ends the move (translateend); wait until the editor reports a geometry other than the drawn one.
        await page.Page.WaitForFunctionAsync(
            "([lon, lat]) => { const g = window.envgis.workspace.panels().edit.state().editor.geometry(); "
            + "const p = (g.type === 'MultiPolygon' ? g.coordinates[0] : g.coordinates)[0][0]; "
            + "return Math.abs(p[0] - lon) > 1e-9 || Math.abs(p[1] - lat) > 1e-9; }",
            new[] { before[0].Lon, before[0].Lat });
        await page.ScreenshotAsync("extras-moved-shape.png");

        var shift = await page.Page.EvaluateAsync<double[]>(
            """
            ([sx, sy, ex, ey]) => {
              const a = window.envgis.toLonLat(window.envgisMap.getCoordinateFromPixel([sx, sy]));
              const b = window.envgis.toLonLat(window.envgisMap.getCoordinateFromPixel([ex, ey]));
              return [b[0] - a[0], b[1] - a[1]];
            }
            """, new[] { sx, sy, ex, ey });
        Assert.True(shift[0] > 0 && shift[1] > 0, "the drag went right and up");
        var after = OuterRing(await page.EditedGeometryAsync());
        Assert.Equal(before.Count, after.Count);

        var name = UniqueName("Di chuyển thử");
        await FillZoneAsync(page, name);
        await page.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(page.EditMessage).ToContainTextAsync("Đã lưu");
        var saved = await server.ScalarAsync<double[]>(
            $"SELECT ARRAY[ST_X(p), ST_Y(p)] FROM data.{Layer}, ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1) AS p WHERE name = $1", name);
        const double tolerance = 2e-6;
        var expected = before.Select(p => (Lon: p.Lon + shift[0], Lat: p.Lat + shift[1])).ToList();
        Assert.Contains(expected, p => Math.Abs(p.Lon - saved[0]) < tolerance && Math.Abs(p.Lat - saved[1]) < tolerance);
        Assert.DoesNotContain(before, p => Math.Abs(p.Lon - saved[0]) < tolerance && Math.Abs(p.Lat - saved[1]) < tolerance);
        page.Log.AssertClean();
    }

    private static ILocator ManageUser(PortalPage admin, string userName) =>
        admin.Page.Locator($"li[data-user='{userName}'] button[data-action='admin.manage']");

    [Fact]
    public async Task Administrator_issues_an_API_token_that_works_until_revoked_in_the_portal()
    {
        var client = await server.CreateUserAsync("ket-noi-bo-nnmt", "client", holder: "Trần Thị Kết Nối");
        var admin = await browsers.Browser.OpenAsync(server);
        await admin.SignInAsync(TestAccounts.AdminUser, ServerFixture.AdminPassword);
        await ManageUser(admin, client.Name).ClickAsync();
        var drawer = admin.Page.Locator("#drawer[data-drawer=user]");
        await Expect(drawer.Locator("section")).ToContainTextAsync("Cấp mã API");
        await drawer.Locator("input[name=tokenName]").FillAsync("đồng bộ thử");
        await drawer.Locator("input[name=tokenDays]").FillAsync("30");
        await drawer.Locator("button[data-action='admin.issueToken']").ClickAsync();
        var token = (await drawer.Locator("[data-testid=secret] code").TextContentAsync())!.Trim();
        Assert.StartsWith("envgis_", token);
        await admin.ScreenshotAsync("extras-token-issued.png");

        using (var bearer = server.Bearer(token))
        {
            var me = await bearer.GetAsync("/api/account/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            var json = await me.JsonAsync();
            Assert.Equal(client.Name, json.GetProperty("userName").GetString());
            var wfs = await bearer.GetAsync("/wfs?service=WFS&version=2.0.0&request=GetCapabilities");
            Assert.Equal(HttpStatusCode.OK, wfs.StatusCode);
        }

        // The list of tokens is read when the drawer opens: open it again, then revoke.
        await ManageUser(admin, client.Name).ClickAsync();
        var item = drawer.Locator("li[data-token]", new() { HasText = "đồng bộ thử" });
        await Expect(item).ToHaveCountAsync(1);
        await item.Locator("button[data-action='admin.revoke']").ClickAsync();
        await Expect(drawer.Locator("li[data-token]", new() { HasText = "đồng bộ thử" }).Locator("button[data-action='admin.revoke']")).ToHaveCountAsync(0);
        await admin.ScreenshotAsync("extras-token-revoked.png");
        Assert.Equal(1L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.api_tokens AS t JOIN envgis.users AS u ON u.id = t.user_id WHERE u.user_name = $1 AND t.revoked_at IS NOT NULL",
            client.Name));

        using (var bearer = server.Bearer(token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/account/me")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/wfs?service=WFS&version=2.0.0&request=GetCapabilities")).StatusCode);
        }

        admin.Log.AssertClean();
    }

    [Fact]
    public async Task Administrator_resets_a_password_the_old_one_fails_and_the_new_one_works()
    {
        var user = await server.CreateUserAsync(Unit, "editor");
        var admin = await browsers.Browser.OpenAsync(server);
        await admin.SignInAsync(TestAccounts.AdminUser, ServerFixture.AdminPassword);
        await ManageUser(admin, user.Name).ClickAsync();
        var drawer = admin.Page.Locator("#drawer[data-drawer=user]");
        await drawer.Locator("button[data-action='admin.reset']").ClickAsync();
        var dialog = admin.Page.Locator("dialog.modal");
        await Expect(dialog).ToContainTextAsync(user.Name);
        await dialog.Locator("button[data-action='admin.reset']").ClickAsync();
        var password = (await drawer.Locator("[data-testid=secret] code").TextContentAsync())!.Trim();
        Assert.False(string.IsNullOrWhiteSpace(password));
        Assert.NotEqual(user.Password, password);
        await admin.ScreenshotAsync("extras-password-reset.png");

        using (var old = server.Basic(user.Name, user.Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/account/me")).StatusCode);
        }

        using (var fresh = server.Basic(user.Name, password))
        {
            var me = await fresh.GetAsync("/api/account/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(user.Name, (await me.JsonAsync()).GetProperty("userName").GetString());
        }

        // And in the portal.
        var person = await browsers.Browser.OpenAsync(server);
        await person.SignInAsync(user.Name, password);
        await person.ScreenshotAsync("extras-signed-in-with-new-password.png");
        admin.Log.AssertClean();
        person.Log.AssertClean();
    }

    [Fact]
    public async Task The_second_of_two_saves_of_one_record_is_offered_a_reload_showing_the_other_version()
    {
        var first = await server.CreateUserAsync(ConflictUnit, "editor");
        var second = await server.CreateUserAsync(ConflictUnit, "editor");
        var at = await server.InsideAsync("HP042");
        long id;
        using (var api = first.Client(server))
        {
            var created = await api.PostAsJsonAsync($"/api/layers/{Incidents}/records", TestPlaces.IncidentFeature(at, "Sự cố hai người sửa"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1]);
        }

        var a = await SignedInAsync(first, Incidents);
        var b = await SignedInAsync(second, Incidents);
        await a.Page.Locator($"li[data-record='{Incidents}.{id}'] button[data-action='edit.edit']").ClickAsync();
        await b.Page.Locator($"li[data-record='{Incidents}.{id}'] button[data-action='edit.edit']").ClickAsync();
        await Expect(a.Form.Locator("input[name=name]")).ToHaveValueAsync("Sự cố hai người sửa");
        await Expect(b.Form.Locator("input[name=name]")).ToHaveValueAsync("Sự cố hai người sửa");

        await b.Form.Locator("input[name=name]").FillAsync("Bản của người thứ hai");
        await b.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(b.EditMessage).ToContainTextAsync("Đã lưu");
        Assert.Equal("Bản của người thứ hai", await server.ScalarAsync<string>($"SELECT name FROM data.{Incidents} WHERE id = $1", id));

        a.Log.Allow(p => p.Contains("409"));
        await a.Form.Locator("input[name=name]").FillAsync("Bản của người thứ nhất");
        await a.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(a.EditMessage).ToContainTextAsync("người khác");
        var reload = a.EditMessage.Locator("button[data-action='edit.reload']");
        await Expect(reload).ToBeVisibleAsync();
        await a.ScreenshotAsync("extras-conflict-offer.png");
        Assert.Equal("Bản của người thứ hai", await server.ScalarAsync<string>($"SELECT name FROM data.{Incidents} WHERE id = $1", id));

        await reload.ClickAsync();
        await Expect(a.Form.Locator("input[name=name]")).ToHaveValueAsync("Bản của người thứ hai");
        await a.ScreenshotAsync("extras-conflict-reloaded.png");
        a.Log.AssertClean();
        b.Log.AssertClean();
    }
}
