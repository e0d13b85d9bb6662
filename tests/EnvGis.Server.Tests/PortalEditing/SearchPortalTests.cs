using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static Microsoft.Playwright.Assertions;

namespace EnvGis.Server.Tests.PortalEditing;

/// <summary>An anonymous visitor searches a record by name, gets only the published one, and the map zooms to it.</summary>
[Collection("server")]
public sealed class SearchPortalTests(ServerFixture server, PortalBrowserFixture browsers) : IClassFixture<PortalBrowserFixture>
{
    private const string Layer = "environmental_incidents";

    [Fact]
    public async Task A_visitor_finds_a_published_record_by_name_and_the_map_zooms_to_it()
    {
        var token = "Ràsoát" + Guid.NewGuid().ToString("N")[..6];
        var at = await server.InsideAsync("HP070");
        var published = await server.InsertIncidentAsync("xa-hp070", "published", at, $"Tràn dầu {token} <script>window.__xss=1</script>");
        await server.InsertIncidentAsync("xa-hp070", "draft", at, $"Tràn dầu {token} bản nháp");

        var visitor = await browsers.Browser.OpenAsync(server);
        await visitor.Page.Locator("#search-input").FillAsync(token.ToLowerInvariant());
        var hits = visitor.Page.Locator("[data-testid=search-results] button.search-hit");
        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.Locator(".search-label")).ToContainTextAsync("<script>");
        await Expect(hits.Locator(".search-layer")).ToHaveTextAsync("Sự cố môi trường");
        await hits.ClickAsync();
        await visitor.Page.WaitForFunctionAsync($"() => document.body.dataset.searchShown === '{Layer}.{published}'");
        await Expect(visitor.Page.Locator($"li.layer[data-layer='{Layer}'] input")).ToBeCheckedAsync();
        await visitor.WaitForViewSettledAsync(); // the zoom animation
        var view = await visitor.Page.EvaluateAsync<double[]>(
            "() => [...window.envgis.toLonLat(window.envgisMap.getView().getCenter()), window.envgisMap.getView().getZoom()]");
        Assert.Equal(at.Lon, view[0], 3);
        Assert.Equal(at.Lat, view[1], 3);
        Assert.True(view[2] >= 16);
        Assert.Contains(published.ToString(System.Globalization.CultureInfo.InvariantCulture), await visitor.FeatureIdsAtAsync(Layer, at.Lon, at.Lat));
        Assert.Null(await visitor.Page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await visitor.ScreenshotAsync("public-search-zoomed.png");
        visitor.Log.AssertClean();
    }
}
