using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Ows;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.OgcApi;

/// <summary>OGC API – Features Part 4 through RecordWriter: ETags, If-Match, the workflow, the history, and refusals that change nothing.</summary>
[Collection("server")]
public sealed class OgcApiTransactionTests(ServerFixture server)
{
    private const string Items = "/ogcapi/collections/environmental_incidents/items";

    private static StringContent Feature(object feature, string type = "application/geo+json") =>
        new(JsonSerializer.Serialize(feature), Encoding.UTF8, type);

    private static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content, string? ifMatch = null, string? contentCrs = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (contentCrs is not null)
        {
            request.Headers.TryAddWithoutValidation("Content-Crs", contentCrs);
        }

        return request;
    }

    private async Task<TestUser> EditorAsync()
    {
        await server.SetScopeAsync("xa-hp001", [MatrixActors.Layer]);
        return await server.CreateUserAsync("xa-hp001", "editor");
    }

    private Task<long> HistoryAsync(long id, string channel = "ogcapi") => server.ScalarAsync<long>(
        "SELECT count(*) FROM envgis.record_history WHERE layer = 'environmental_incidents' AND record_id = $1 AND channel = $2", id, channel);

    [Fact]
    public async Task Create_replace_update_and_delete_with_etags_leave_one_history_entry_each()
    {
        using var client = (await EditorAsync()).Client(server);
        var at = await server.InsideAsync("HP001");
        var name = $"oapi {Guid.NewGuid():N}";

        using var created = await client.SendAsync(Request(HttpMethod.Post, Items, Feature(TestPlaces.IncidentFeature(at, name))));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = long.Parse(created.Headers.Location!.Segments[^1]);
        Assert.Equal($"{server.BaseUrl.ToString().TrimEnd('/')}{Items}/{id}", created.Headers.Location.ToString());
        Assert.Equal("\"1\"", created.Headers.ETag!.ToString());
        Assert.Equal(("draft", "xa-hp001"), (await server.ScalarAsync<string>("SELECT status FROM data.environmental_incidents WHERE id = $1", id),
            await server.ScalarAsync<string>("SELECT owner_unit FROM data.environmental_incidents WHERE id = $1", id)));
        Assert.Equal(1, await HistoryAsync(id));

        var (_, _, read) = await client.OgcGetAsync($"/collections/environmental_incidents/items/{id}");
        Assert.Equal("\"1\"", read.Headers.ETag!.ToString());

        // Replace: what is left out becomes empty; the status sent back unchanged is fine.
        using var replaced = await client.SendAsync(Request(HttpMethod.Put, $"{Items}/{id}", Feature(new
        {
            type = "Feature",
            geometry = new { type = "Point", coordinates = new[] { at.Lon, at.Lat } },
            properties = new { name = name + " (2)", incident_type = "fish_kill", occurred_on = "2025-06-02", status = "draft" },
        }), "\"1\""));
        Assert.True(replaced.StatusCode == HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        Assert.Equal("\"2\"", replaced.Headers.ETag!.ToString());

        // Update (JSON Merge Patch): null unsets, the geometry may come in VN-2000 with Content-Crs.
        var vn2000 = await server.ScalarAsync<double[]>("SELECT ARRAY[ST_X(g), ST_Y(g)] FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4326), 9210) g) x", at.Lon, at.Lat + 0.0005);
        using var patched = await client.SendAsync(Request(HttpMethod.Patch, $"{Items}/{id}", Feature(new
        {
            geometry = new { type = "Point", coordinates = vn2000 },
            properties = new Dictionary<string, object?> { ["description"] = "đã kiểm tra", ["severity"] = null },
        }, "application/merge-patch+json"), "\"2\"", "<http://www.opengis.net/def/crs/EPSG/0/9210>"));
        Assert.True(patched.StatusCode == HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        Assert.Equal("đã kiểm tra", await server.ScalarAsync<string>("SELECT description FROM data.environmental_incidents WHERE id = $1", id));
        Assert.True(await server.ScalarAsync<double>("SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) FROM data.environmental_incidents WHERE id = $1",
            id, at.Lon, at.Lat + 0.0005) < 0.01);

        using var deleted = await client.SendAsync(Request(HttpMethod.Delete, $"{Items}/{id}", null, "\"3\""));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("archived", await server.ScalarAsync<string>("SELECT status FROM data.environmental_incidents WHERE id = $1", id));
        Assert.Equal(4, await HistoryAsync(id));
    }

    [Fact]
    public async Task A_missing_or_stale_if_match_is_428_or_412_and_changes_nothing()
    {
        using var client = (await EditorAsync()).Client(server);
        var at = await server.InsideAsync("HP001");
        var id = await server.InsertIncidentAsync("xa-hp001", "draft", at, $"lock {Guid.NewGuid():N}");
        var patch = new { properties = new { description = "changed" } };
        foreach (var (ifMatch, status, code) in new[] { ((string?)null, HttpStatusCode.PreconditionRequired, "if-match-required"), ("\"7\"", HttpStatusCode.PreconditionFailed, "stale-version"), ("W/\"0\"", HttpStatusCode.PreconditionFailed, "stale-version"), ("\"a\", \"b\"", HttpStatusCode.BadRequest, "invalid-if-match") })
        {
            foreach (var method in new[] { HttpMethod.Patch, HttpMethod.Put, HttpMethod.Delete })
            {
                using var response = await client.SendAsync(Request(method, $"{Items}/{id}",
                    method == HttpMethod.Delete ? null : Feature(method == HttpMethod.Put ? TestPlaces.IncidentFeature(at, "x") : patch, method == HttpMethod.Put ? "application/geo+json" : "application/merge-patch+json"), ifMatch));
                OgcApiTestSupport.AssertProblem(response.StatusCode, await response.Content.ReadAsStringAsync(), response, status, code);
            }
        }

        Assert.Equal(1, await server.ScalarAsync<int>("SELECT version FROM data.environmental_incidents WHERE id = $1", id));
        Assert.Equal(0, await HistoryAsync(id));
        // If-Match on a feature that does not exist creates nothing (412).
        using var missing = await client.SendAsync(Request(HttpMethod.Put, $"{Items}/999999999", Feature(TestPlaces.IncidentFeature(at, "x")), "\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, missing.StatusCode);
    }

    [Fact]
    public async Task Writes_need_credentials_sent_with_the_request()
    {
        var before = await server.DataFingerprintAsync();
        var at = await server.InsideAsync("HP001");
        using var anonymous = await server.Client.SendAsync(Request(HttpMethod.Post, Items, Feature(TestPlaces.IncidentFeature(at, "anonymous"))));
        OgcApiTestSupport.AssertProblem(anonymous.StatusCode, await anonymous.Content.ReadAsStringAsync(), anonymous, HttpStatusCode.Unauthorized);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var options = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, $"{Items}/1"));
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", options.Content.Headers.Allow));
        Assert.Equal(before, await server.DataFingerprintAsync());
    }

    [Theory]
    [InlineData("application/geo+json", "{\"type\": \"FeatureCollection\", \"features\": []}", HttpStatusCode.BadRequest, "not-a-feature")]
    [InlineData("application/geo+json", "[1, 2, 3]", HttpStatusCode.BadRequest, "not-a-feature")]
    [InlineData("application/geo+json", "{\"type\": \"Feature\"", HttpStatusCode.BadRequest, "not-a-feature")]
    [InlineData("application/geo+json", "{\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"name\": \"x\"}}", HttpStatusCode.BadRequest, "invalid-geometry")]
    [InlineData("application/geo+json", "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [106.7, 20.8]}, \"properties\": {\"owner_unit\": \"so-nnmt\"}}", HttpStatusCode.BadRequest, null)]
    [InlineData("application/geo+json", "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [106.7, 20.8]}, \"properties\": {\"status\": \"published\", \"name\": \"x\", \"incident_type\": \"other\", \"occurred_on\": \"2025-01-01\"}}", HttpStatusCode.BadRequest, null)]
    [InlineData("application/geo+json", "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}, \"properties\": {}}", HttpStatusCode.BadRequest, "invalid-geometry")]
    [InlineData("text/plain", "{}", HttpStatusCode.UnsupportedMediaType, "unsupported-media-type")]
    [InlineData("application/x-www-form-urlencoded", "a=b", HttpStatusCode.UnsupportedMediaType, "unsupported-media-type")]
    public async Task A_body_that_is_not_a_good_feature_changes_nothing(string type, string body, HttpStatusCode status, string? code)
    {
        using var client = (await EditorAsync()).Client(server);
        var before = await server.DataFingerprintAsync();
        using var response = await client.SendAsync(Request(HttpMethod.Post, Items, new StringContent(body, Encoding.UTF8, type)));
        OgcApiTestSupport.AssertProblem(response.StatusCode, await response.Content.ReadAsStringAsync(), response, status, code);
        Assert.Equal(before, await server.DataFingerprintAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        using var client = (await EditorAsync()).Client(server);
        var before = await server.DataFingerprintAsync();
        var huge = "{\"type\": \"Feature\", \"properties\": {\"description\": \"" + new string('x', 5 * 1024 * 1024) + "\"}}";
        using var content = new StringContent(huge, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        using var response = await client.SendAsync(Request(HttpMethod.Post, Items, content));
        OgcApiTestSupport.AssertProblem(response.StatusCode, await response.Content.ReadAsStringAsync(), response, HttpStatusCode.RequestEntityTooLarge, "too-large");
        Assert.Equal(before, await server.DataFingerprintAsync());
    }
}
