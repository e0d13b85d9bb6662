using System.Net;
using System.Net.Http.Json;
using static EnvGis.Server.Tests.Catalogue.CatalogueClient;

namespace EnvGis.Server.Tests.Catalogue;

/// <summary>A layer's entry changed at run time: who sees it (public or not), its titles, its geometry type while empty.</summary>
[Collection("catalogue")]
public sealed class LayerChangeTests(CatalogueNodes nodes)
{
    [Fact]
    public async Task A_layer_that_is_not_public_exists_only_for_those_who_may_see_it_and_can_be_made_public()
    {
        const string layer = "groundwater_wells";
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        using var anonymous = CatalogueNodes.Client(nodes.NodeA, user: null);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/catalogue/layers", new
        {
            name = layer, category = 8, geometryType = "Point", @public = false, title = new { vi = "Giếng nước ngầm", en = "Groundwater wells" },
            attributes = new object[] { new { name = "name", type = "text", label = new { vi = "Tên", en = "Name" } } },
        })).StatusCode);
        Assert.False((await ListedLayerAsync(admin, layer))!.Value.GetProperty("public").GetBoolean());
        Assert.Null(await ListedLayerAsync(anonymous, layer));
        Assert.DoesNotContain($"envgis:{layer}", await anonymous.GetStringAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/tiles/{layer}.json")).StatusCode);

        var changed = await admin.PutAsJsonAsync($"/api/admin/catalogue/layers/{layer}",
            new { @public = true, title = new { vi = "Giếng quan trắc nước ngầm", en = "Groundwater monitoring wells" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Giếng quan trắc nước ngầm", (await ListedLayerAsync(anonymous, layer))!.Value.GetProperty("title").GetProperty("vi").GetString());
        Assert.Contains("Groundwater monitoring wells", await anonymous.GetStringAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"));
    }

    [Fact]
    public async Task An_empty_layer_may_change_its_geometry_type_and_its_table_is_made_again()
    {
        const string layer = "erosion_sites";
        using var admin = CatalogueNodes.Client(nodes.NodeA);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/catalogue/layers", new
        {
            name = layer, category = 6, geometryType = "Point", title = new { vi = "Điểm sạt lở", en = "Erosion sites" },
            attributes = new object[] { new { name = "name", type = "text", label = new { vi = "Tên", en = "Name" } } },
        })).StatusCode);
        Assert.False(await nodes.ScalarAsync<bool>($"SELECT to_regclass('tile_coverage.{layer}') IS NOT NULL"));

        var changed = await admin.PutAsJsonAsync($"/api/admin/catalogue/layers/{layer}", new { geometryType = "MultiPolygon" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("MultiPolygon", (await changed.JsonAsync()).GetProperty("geometryType").GetString());
        Assert.Equal("MULTIPOLYGON", await nodes.ScalarAsync<string>(
            $"SELECT type::text FROM geometry_columns WHERE f_table_schema = 'data' AND f_table_name = '{layer}'"));
        Assert.True(await nodes.ScalarAsync<bool>($"SELECT to_regclass('tile_coverage.{layer}') IS NOT NULL"));
        Assert.Equal(6, await nodes.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_trigger WHERE tgrelid = 'data.{layer}'::regclass AND NOT tgisinternal"));

        // Its records are polygons now, written and drawn as such.
        var created = await admin.PostAsJsonAsync($"/api/layers/{layer}/records", new
        {
            type = "Feature",
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 106.70, 20.86 }, new[] { 106.701, 20.86 }, new[] { 106.701, 20.861 }, new[] { 106.70, 20.86 } } } },
            properties = new { name = "Bờ sông Cấm" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotEmpty(await TileFeaturesAsync(admin, layer, 106.7005, 20.8605));
    }
}
