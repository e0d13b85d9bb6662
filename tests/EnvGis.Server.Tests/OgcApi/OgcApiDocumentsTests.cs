using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Ows;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.OgcApi;

/// <summary>The landing page, conformance, collections and queryables of /ogcapi, for the public and for signed-in callers.</summary>
[Collection("server")]
public sealed class OgcApiDocumentsTests(ServerFixture server)
{
    private static IEnumerable<string> Rels(JsonElement document) =>
        document.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()!);

    [Fact]
    public async Task The_landing_page_links_the_definition_conformance_and_data()
    {
        var landing = await server.OgcJsonAsync("");
        Assert.Equal("Dữ liệu mở môi trường Hải Phòng", landing.GetProperty("title").GetString());
        Assert.Contains("service-desc", Rels(landing));
        Assert.Contains("conformance", Rels(landing));
        Assert.Contains("data", Rels(landing));
        var desc = landing.GetProperty("links").EnumerateArray().First(l => l.GetProperty("rel").GetString() == "service-desc");
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", desc.GetProperty("type").GetString());
        Assert.StartsWith(server.BaseUrl.ToString().TrimEnd('/') + "/ogcapi", desc.GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal("Hải Phòng open environmental data", (await server.OgcJsonAsync("?lang=en")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Conformance_declares_the_classes_that_hold_and_no_others()
    {
        var classes = (await server.OgcJsonAsync("/conformance")).GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()!).ToList();
        foreach (var required in new[]
                 {
                     "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                     "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                     "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                     "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter", "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                     "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json", "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                     "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators", "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
                     "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison", "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                     "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions", "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
                     "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
                 })
        {
            Assert.Contains(required, classes);
        }

        // What EnvGis does not do is not claimed.
        Assert.DoesNotContain(classes, c => c.EndsWith("/conf/functions", StringComparison.Ordinal) || c.EndsWith("/conf/arithmetic", StringComparison.Ordinal)
            || c.EndsWith("/conf/array-functions", StringComparison.Ordinal) || c.EndsWith("/conf/property-property", StringComparison.Ordinal));
        Assert.Equal(classes.Count, classes.Distinct().Count());
    }

    [Fact]
    public async Task The_public_sees_the_public_layers_and_a_restricted_one_is_404_as_on_every_channel()
    {
        var collections = (await server.OgcJsonAsync("/collections")).GetProperty("collections").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        // The layers, plus the monitoring EDR collection that joins through its OGC API extension.
        Assert.Equal(await server.PublicLayersAsync(), collections.Where(c => c != "monitoring"));
        Assert.Contains("monitoring", collections);

        var restricted = await server.ScalarAsync<string>("SELECT name FROM catalogue.layers WHERE restricted ORDER BY name LIMIT 1");
        Assert.DoesNotContain(restricted, collections);
        foreach (var path in new[] { "", "/items", "/items/1", "/queryables", "/schema" })
        {
            var (status, body, response) = await server.Client.OgcGetAsync($"/collections/{restricted}{path}");
            OgcApiTestSupport.AssertProblem(status, body, response, HttpStatusCode.NotFound, "not-found");
        }

        using var admin = server.Admin();
        var seen = (await admin.OgcJsonAsync("/collections")).GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains(restricted, seen);
        var (adminStatus, _, adminResponse) = await admin.OgcGetAsync($"/collections/{restricted}/items");
        Assert.Equal(HttpStatusCode.OK, adminStatus);
        Assert.Contains("private", adminResponse.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_describes_extent_crs_licence_and_its_links()
    {
        var collection = await server.OgcJsonAsync("/collections/communes");
        Assert.Equal("communes", collection.GetProperty("id").GetString());
        Assert.Equal("feature", collection.GetProperty("itemType").GetString());
        var bbox = collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var extent = await server.ScalarAsync<double[]>("SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM (SELECT ST_Extent(geom) e FROM data.communes WHERE status = 'published' AND NOT restricted) x");
        Assert.Equal(extent, bbox);
        var crs = collection.GetProperty("crs").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", crs[0]);
        foreach (var code in new[] { 4326, 3857, 9209, 9210 })
        {
            Assert.Contains($"http://www.opengis.net/def/crs/EPSG/0/{code}", crs);
        }

        Assert.Contains("ODbL", collection.GetProperty("license").GetString(), StringComparison.Ordinal);
        Assert.Contains("trích dẫn nguồn", collection.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Contains("license", Rels(collection));
        Assert.Contains("items", Rels(collection));
        Assert.Contains("http://www.opengis.net/def/rel/ogc/1.0/queryables", Rels(collection));
        Assert.Contains(Rels(collection), r => r.Equals("describedby", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Queryables_and_schema_describe_the_public_columns_with_their_types()
    {
        var queryables = await server.OgcJsonAsync("/collections/monitoring_stations/queryables");
        var properties = queryables.GetProperty("properties");
        Assert.Equal("geometry-point", properties.GetProperty("geometry").GetProperty("format").GetString());
        Assert.Equal("date", properties.GetProperty("valid_from").GetProperty("format").GetString());
        Assert.Equal("date-time", properties.GetProperty("measured_at").GetProperty("format").GetString());
        Assert.False(properties.TryGetProperty("owner_unit", out _));
        Assert.False(properties.TryGetProperty("version", out _));
        var schema = await server.OgcJsonAsync("/collections/monitoring_stations/schema");
        Assert.Equal("integer", schema.GetProperty("properties").GetProperty("properties").GetProperty("properties").GetProperty("aqi").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_api_definition_lists_each_collection_and_the_limit_maximum()
    {
        var api = await server.OgcJsonAsync("/api");
        Assert.Equal("3.0.3", api.GetProperty("openapi").GetString());
        var paths = api.GetProperty("paths");
        foreach (var layer in await server.PublicLayersAsync())
        {
            Assert.True(paths.TryGetProperty($"/collections/{layer}/items", out _), layer);
        }

        var limit = api.GetProperty("components").GetProperty("parameters").GetProperty("limit").GetProperty("schema");
        Assert.Equal(100_000, limit.GetProperty("maximum").GetInt32());
    }

    [Theory]
    [InlineData("", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("", "*/*", "application/json")]
    [InlineData("", null, "application/json")]
    [InlineData("?f=html", "application/json", "text/html")]
    [InlineData("/collections/communes/items?f=json", "text/html", "application/geo+json")]
    [InlineData("/collections/communes/items", "application/geo+json", "application/geo+json")]
    public async Task The_format_follows_f_then_the_accept_header(string path, string? accept, string mediaType)
    {
        var (status, _, response) = await server.Client.OgcGetAsync(path, accept);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }
}
