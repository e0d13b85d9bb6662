using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Microsoft.Playwright;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>
/// The editing workflow in Chromium against the real server: a commune editor draws, fills the
/// generated form and submits; a drawing outside the commune is refused with a visible message; the
/// commune's approver approves and publishes; an anonymous visitor sees the zone, and the record is in
/// WFS and in the tiles. Then the history of an edited record shows both versions and restore brings
/// the first back.
/// </summary>
[Collection("server")]
public sealed class EditingWorkflowTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    private const string Layer = "polluted_zones";

    [Fact]
    public async Task Commune_editor_submits_a_zone_the_approver_publishes_it_and_the_public_sees_it()
    {
        const string commune = "HP021";
        const string unit = "xa-hp021";
        await server.SetScopeAsync(unit, [Layer]);
        var editorUser = await server.CreateUserAsync(unit, "editor");
        var approverUser = await server.CreateUserAsync(unit, "approver", holder: "Chủ tịch UBND thử");
        var inside = await InscribedSquareAsync(commune);
        var elsewhere = await InscribedSquareAsync("HP060");
        var name = $"Khu ô nhiễm thử {Guid.NewGuid():N}"[..28] + " <img src=x onerror=\"window.__xss=1\">";

        // The editor: only the editing tab besides the map; no approval queue, no administration.
        var editor = await browsers.Browser.OpenAsync(server);
        await editor.SignInAsync(editorUser.Name, editorUser.Password);
        await Expect(editor.Page.Locator("#tab-edit")).ToBeVisibleAsync();
        await Expect(editor.Page.Locator("#tab-review")).ToBeHiddenAsync();
        await Expect(editor.Page.Locator("#tab-admin")).ToBeHiddenAsync();
        await editor.Page.Locator("#edit-layer").SelectOptionAsync(Layer);

        // A polygon drawn in another commune is refused before anything is sent, and shown in red.
        await editor.ViewAsync(elsewhere.Lon, elsewhere.Lat, 15);
        await editor.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await editor.DrawPolygonAsync(elsewhere.Ring);
        await editor.Form.Locator("input[name=name]").FillAsync(name);
        await editor.Form.Locator("select[name=pollution_type]").SelectOptionAsync("water");
        await editor.Form.Locator("select[name=severity]").SelectOptionAsync("high");
        await editor.Page.Locator("button[data-action='edit.submit']").ClickAsync();
        await Expect(editor.EditMessage).ToContainTextAsync("ngoài phạm vi");
        await Expect(editor.Page.Locator("[data-testid=geometry-problems] li[data-key='geom.outsideScope']")).ToBeVisibleAsync();
        Assert.True(await editor.Page.EvaluateAsync<int>("() => window.envgis.editLayers.problems.getFeatures().length") > 0);
        await editor.ScreenshotAsync("editing-outside-commune-refused.png");
        Assert.Equal(0L, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name = $1", name));

        // Redrawn inside the commune: saved and submitted.
        await editor.Page.Locator("button[data-action='edit.clearGeometry']").ClickAsync();
        await editor.Page.Locator("button[data-mode=draw]").ClickAsync();
        await editor.ViewAsync(inside.Lon, inside.Lat, 15);
        await editor.DrawPolygonAsync(inside.Ring);
        await Expect(editor.Page.Locator("[data-testid=geometry-problems] li")).ToHaveCountAsync(0);
        await editor.ScreenshotAsync("editing-drawn-in-commune.png");
        await editor.Page.Locator("button[data-action='edit.submit']").ClickAsync();
        await Expect(editor.EditMessage).ToContainTextAsync("Đã gửi duyệt");
        var id = await server.ScalarAsync<long>($"SELECT id FROM data.{Layer} WHERE name = $1", name);
        Assert.Equal("submitted", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", id));
        Assert.Equal(commune, await server.ScalarAsync<string>($"SELECT commune_code FROM data.{Layer} WHERE id = $1", id));
        await Expect(editor.Page.Locator($"li[data-record='{Layer}.{id}'] .badge")).ToHaveTextAsync("Chờ duyệt");
        await editor.ScreenshotAsync("editing-submitted.png");

        // The commune's approver: the queue, the comparison, approve and publish with a comment.
        var approver = await browsers.Browser.OpenAsync(server);
        await approver.SignInAsync(approverUser.Name, approverUser.Password);
        await Expect(approver.Page.Locator("#tab-review")).ToHaveAttributeAsync("aria-selected", "true");
        var item = approver.Page.Locator($"#tabpanel-review li[data-record='{Layer}.{id}']");
        await item.Locator("button").ClickAsync();
        var drawer = approver.Page.Locator("#drawer[data-drawer=review]");
        await Expect(drawer.Locator("table.compare")).ToContainTextAsync(name);
        await Expect(drawer.Locator("table.compare")).ToContainTextAsync("Nước");
        Assert.Equal(1, await approver.Page.EvaluateAsync<int>("() => window.envgis.editLayers.compare.getFeatures().length"));
        await approver.ScreenshotAsync("review-compare.png");
        await drawer.Locator("button[data-action='review.approve']").ClickAsync();
        await approver.Page.Locator("dialog.modal textarea").FillAsync("Đồng ý, khớp biên bản kiểm tra.");
        await approver.Page.Locator("dialog.modal button[data-action='review.approve']").ClickAsync();
        await Expect(approver.Page.Locator("[data-testid=review-message]")).ToContainTextAsync("công bố");
        Assert.Equal("published", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", id));
        await approver.ScreenshotAsync("review-published.png");

        // The editor sees the result and the comment.
        await editor.Page.Locator("#tabpanel-edit button[data-action='edit.close']").ClickIfVisibleAsync();
        await editor.Page.EvaluateAsync("() => window.envgis.workspace.panels().edit.refresh()");
        var mine = editor.Page.Locator($"li[data-record='{Layer}.{id}']");
        await Expect(mine.Locator(".badge")).ToHaveTextAsync("Đã công bố");
        await Expect(mine.Locator(".item-comment")).ToContainTextAsync("khớp biên bản");
        await editor.ScreenshotAsync("editing-result-seen.png");

        // Anyone: the zone on the public map, its name as text (never run), in WFS and in the tiles.
        var visitor = await browsers.Browser.OpenAsync(server);
        await visitor.Page.Locator("li.layer[data-layer='polluted_zones'] input").CheckAsync();
        await visitor.ViewAsync(inside.Lon, inside.Lat, 15);
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await visitor.FeatureIdsAtAsync(Layer, inside.Lon, inside.Lat));
        await visitor.ClickMapAsync(inside.Lon, inside.Lat);
        await Expect(visitor.Page.Locator(".popup .feature-label", new() { HasTextString = "<img src=x" })).ToBeVisibleAsync();
        Assert.Null(await visitor.Page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, await visitor.Page.Locator(".popup img").CountAsync());
        await visitor.ScreenshotAsync("public-sees-published-zone.png");

        using var anonymous = new HttpClient { BaseAddress = server.BaseUrl };
        var wfs = await anonymous.GetStringAsync(
            $"/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:{Layer}&resourceId={Layer}.{id}&outputFormat=application/json");
        using (var document = JsonDocument.Parse(wfs))
        {
            var feature = Assert.Single(document.RootElement.GetProperty("features").EnumerateArray());
            Assert.Equal(name, feature.GetProperty("properties").GetProperty("name").GetString());
        }

        var (x, y) = TileMath.TileOf(inside.Lon, inside.Lat, 14);
        var tile = await anonymous.GetAsync($"/tiles/{Layer}/14/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        await using (var stream = new MemoryStream(await tile.Content.ReadAsByteArrayAsync()))
        {
            var decoded = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, 14), "id");
            Assert.Contains(decoded.Layers.Single().Features, f => Convert.ToInt64(f.Attributes["id"], System.Globalization.CultureInfo.InvariantCulture) == id);
        }

        editor.Log.AssertClean();
        approver.Log.AssertClean();
        visitor.Log.AssertClean();
    }

    [Fact]
    public async Task History_shows_both_versions_after_an_edit_and_restore_brings_the_first_back()
    {
        const string commune = "HP022";
        const string unit = "xa-hp022";
        await server.SetScopeAsync(unit, [Layer]);
        var editorUser = await server.CreateUserAsync(unit, "editor");
        var square = await InscribedSquareAsync(commune);
        var first = $"Bãi thải thử {Guid.NewGuid():N}"[..24];
        var second = first + " (đã sửa)";

        var editor = await browsers.Browser.OpenAsync(server);
        await editor.SignInAsync(editorUser.Name, editorUser.Password);
        await editor.Page.Locator("#edit-layer").SelectOptionAsync(Layer);
        await editor.ViewAsync(square.Lon, square.Lat, 15);
        await editor.Page.Locator("button[data-action='edit.new']").ClickAsync();
        await editor.DrawPolygonAsync(square.Ring);
        await editor.Form.Locator("input[name=name]").FillAsync(first);
        await editor.Form.Locator("select[name=pollution_type]").SelectOptionAsync("soil");
        await editor.Form.Locator("select[name=severity]").SelectOptionAsync("low");
        await editor.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(editor.EditMessage).ToContainTextAsync("Đã lưu");
        var id = await server.ScalarAsync<long>($"SELECT id FROM data.{Layer} WHERE name = $1", first);

        // Second version: another name and severity, one vertex moved.
        await editor.Form.Locator("input[name=name]").FillAsync(second);
        await editor.Form.Locator("select[name=severity]").SelectOptionAsync("critical");
        await editor.Page.EvaluateAsync("""
            () => {
              const editor = window.envgis.workspace.panels().edit.state().editor;
              const g = editor.geometry();
              const ring = g.coordinates[0];
              ring[1] = [ring[1][0] + 0.0005, ring[1][1]];
              editor.setGeometry(g);
            }
            """);
        await editor.Page.Locator("button[data-action='edit.saveDraft']").ClickAsync();
        await Expect(editor.EditMessage).ToContainTextAsync("Đã lưu");
        Assert.Equal(second, await server.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", id));

        // The history: both versions, who, when, channel, what changed; version 1 on the map.
        await editor.Page.Locator("button[data-action='edit.close']").ClickAsync();
        await editor.Page.Locator($"li[data-record='{Layer}.{id}'] button[data-action='edit.history']").ClickAsync();
        var drawer = editor.Page.Locator("#drawer[data-drawer=history]");
        await Expect(drawer.Locator("li.version")).ToHaveCountAsync(2);
        var v1 = drawer.Locator("li.version[data-version='1']");
        var v2 = drawer.Locator("li.version[data-version='2']");
        await Expect(v1).ToContainTextAsync("Tạo mới");
        await Expect(v1).ToContainTextAsync(editorUser.Name);
        await Expect(v1).ToContainTextAsync("cổng bản đồ");
        await Expect(v2).ToContainTextAsync("Sửa");
        await Expect(v2.Locator(".version-changes")).ToContainTextAsync(second);
        await Expect(v2.Locator(".version-changes")).ToContainTextAsync("Hình học thay đổi");
        await v1.Locator("button[data-action='history.showOnMap']").ClickAsync();
        Assert.Equal(2, await editor.Page.EvaluateAsync<int>("() => window.envgis.editLayers.compare.getFeatures().length"));
        await editor.ScreenshotAsync("history-two-versions.png");

        // Restore version 1: the confirmation says what happens to the record (a draft's restore stays a draft).
        await v1.Locator("button[data-action='history.restore']").ClickAsync();
        await Expect(editor.Page.Locator("dialog.modal")).ToContainTextAsync("Bản ghi trở thành bản nháp.");
        await editor.Page.Locator("dialog.modal button[data-action='history.restore']").ClickAsync();
        await Expect(drawer.Locator("li.version")).ToHaveCountAsync(3);
        await Expect(drawer.Locator("li.version[data-version='3']")).ToContainTextAsync("Khôi phục");
        Assert.Equal(first, await server.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", id));
        Assert.Equal("low", await server.ScalarAsync<string>($"SELECT severity FROM data.{Layer} WHERE id = $1", id));
        Assert.True(await server.ScalarAsync<bool>(
            $"SELECT ST_Equals(r.geom, h.after_geom) FROM data.{Layer} r, envgis.record_history h WHERE r.id = $1 AND h.layer = '{Layer}' AND h.record_id = r.id AND h.version = 1",
            id));
        await editor.ScreenshotAsync("history-restored.png");
        editor.Log.AssertClean();
    }

    /// <summary>A square well inside a commune (from its largest inscribed circle): the centre and the ring.</summary>
    private async Task<(double Lon, double Lat, (double Lon, double Lat)[] Ring)> InscribedSquareAsync(string commune)
    {
        var values = await server.ScalarAsync<double[]>(
            """
            SELECT ARRAY[ST_X(c.center), ST_Y(c.center), c.radius]
            FROM data.communes AS m, ST_MaximumInscribedCircle(m.geom) AS c WHERE m.code = $1
            """, commune);
        var (lon, lat, half) = (values[0], values[1], Math.Min(values[2] * 0.4, 0.004));
        return (lon, lat, [(lon - half, lat - half), (lon + half, lat - half), (lon + half, lat + half), (lon - half, lat + half)]);
    }
}

internal static class LocatorExtensions
{
    public static async Task ClickIfVisibleAsync(this ILocator locator)
    {
        if (await locator.IsVisibleAsync())
        {
            await locator.ClickAsync();
        }
    }
}
