using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Api;

[Collection("server")]
public sealed class LayerApiTests(ServerFixture server)
{
    [Fact]
    public async Task The_catalogue_lists_11_categories_with_the_public_layers_and_their_attributes()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/api/layers"));
        var categories = json.RootElement.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 11), categories.Select(c => c.GetProperty("id").GetInt32()));
        var layers = categories.SelectMany(c => c.GetProperty("layers").EnumerateArray()).ToList();
        var names = layers.Select(l => l.GetProperty("name").GetString()).ToList();
        var publicLayers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted");
        Assert.Equal(publicLayers.Order(), names.Order());
        Assert.DoesNotContain("species_occurrences", names);

        var polluted = layers.Single(l => l.GetProperty("name").GetString() == "polluted_zones");
        Assert.Equal("Khu vực ô nhiễm môi trường", polluted.GetProperty("title").GetProperty("vi").GetString());
        Assert.Equal("MultiPolygon", polluted.GetProperty("geometryType").GetString());
        var severity = polluted.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "severity");
        Assert.Equal("text", severity.GetProperty("type").GetString());
        Assert.True(severity.GetProperty("required").GetBoolean());
        Assert.Equal(["low", "medium", "high", "critical"], severity.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("Severity", severity.GetProperty("label").GetProperty("en").GetString());
        Assert.Equal("Nghiêm trọng", severity.GetProperty("valueLabels").GetProperty("critical").GetProperty("vi").GetString());
    }

    [Fact]
    public async Task Every_public_layer_has_its_style_as_JSON()
    {
        foreach (var layer in await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted"))
        {
            var response = await server.Client.GetAsync($"/api/layers/{layer}/style");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{layer}: {response.StatusCode}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(layer, json.RootElement.GetProperty("layer").GetString());
            Assert.NotEmpty(json.RootElement.GetProperty("rules").EnumerateArray());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/layers/species_occurrences/style")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/layers/nope/style")).StatusCode);
    }

    [Fact]
    public async Task The_portal_config_carries_the_OSM_attribution_and_the_citation_rule()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/api/portal/config"));
        Assert.Equal("© OpenStreetMap contributors", json.RootElement.GetProperty("attribution").GetString());
        Assert.Contains("trích dẫn nguồn", json.RootElement.GetProperty("citation").GetProperty("vi").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/layers", out _) || paths.TryGetProperty("/api/layers/", out _));
        Assert.True(paths.TryGetProperty("/api/layers/{layer}/style", out _));
    }
}
