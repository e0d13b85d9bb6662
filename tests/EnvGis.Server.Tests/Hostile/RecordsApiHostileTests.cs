using System.Net.Http.Headers;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Hostile.Hostile;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>
/// The records API with hostile JSON, by an editor who may write the layer: problem details (4xx) with a
/// whole body, nothing stored; text with control characters or lone surrogates is refused with code invalid-text.
/// </summary>
[Collection("server")]
public sealed class RecordsApiHostileTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";
    private const string Unit = "so-khcn";

    public static TheoryData<string, string, string?> Bodies => new()
    {
        { "lone surrogate", Feature("\"a\\ud800b\""), "invalid-text" },
        { "lone low surrogate in a member name", "{\"type\":\"Feature\",\"properties\":{\"\\udc00\":1},\"geometry\":null}", "invalid-text" },
        { "control character", Feature("\"a\\u0001b\""), "invalid-text" },
        { "NUL", Feature("\"a\\u0000b\""), "invalid-text" },
        { "C1 control in the comment", Feature("\"ok\"").Replace("}}", "},\"comment\":\"x\\u0085y\"}", StringComparison.Ordinal), "invalid-text" },
        { "number as name", Feature("12"), null },
        { "object as name", Feature("{\"$ne\":1}"), null },
        { "array body", "[1,2,3]", null },
        { "string body", "\"x\"", null },
        { "truncated", "{\"type\":\"Feature\",\"geometry\":", null },
        { "deep nesting", new string('[', 200) + new string(']', 200), null },
        { "deep nesting in properties", Feature("\"x\"").Replace("\"incident_type\"", "\"deep\":" + new string('[', 100) + new string(']', 100) + ",\"incident_type\"", StringComparison.Ordinal), null },
        { "coordinates 1e400", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e400,20.8]},\"properties\":{\"name\":\"x\",\"incident_type\":\"fish_kill\",\"occurred_on\":\"2025-06-01\"}}", null },
        { "NaN coordinate", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"NaN\",20.8]},\"properties\":{\"name\":\"x\",\"incident_type\":\"fish_kill\",\"occurred_on\":\"2025-06-01\"}}", null },
        { "unknown geometry type", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Evil\",\"coordinates\":[1,2]},\"properties\":{\"name\":\"x\",\"incident_type\":\"fish_kill\",\"occurred_on\":\"2025-06-01\"}}", null },
        { "latitude 1000", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.7,1000]},\"properties\":{\"name\":\"x\",\"incident_type\":\"fish_kill\",\"occurred_on\":\"2025-06-01\"}}", null },
        { "date overflow", Feature("\"x\"").Replace("2025-06-01", "9999-12-31T23:59:59-14:00", StringComparison.Ordinal), null },
        { "year 0", Feature("\"x\"").Replace("2025-06-01", "0000-01-01", StringComparison.Ordinal), null },
        { "unknown property", Feature("\"x\"").Replace("\"incident_type\"", "\"password\":\"x\",\"incident_type\"", StringComparison.Ordinal), null },
        { "status set by hand", Feature("\"x\"").Replace("\"incident_type\"", "\"status\":\"published\",\"incident_type\"", StringComparison.Ordinal), null },
        { "owner set by hand", Feature("\"x\"").Replace("\"incident_type\"", "\"owner_unit\":\"so-xd\",\"incident_type\"", StringComparison.Ordinal), null },
        { "restricted as a string", Feature("\"x\"").Replace("\"incident_type\"", "\"restricted\":\"yes\",\"incident_type\"", StringComparison.Ordinal), null },
        { "value outside the list", Feature("\"x\"").Replace("fish_kill", "'; DROP TABLE data.environmental_incidents; --", StringComparison.Ordinal), null },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Hostile_bodies_are_refused_and_change_nothing(string what, string body, string? code)
    {
        var (client, at) = await EditorAsync();
        using (client)
        {
            var before = await server.FingerprintAsync();
            var problem = await AssertProblemAsync(client, Send(HttpMethod.Post, $"/api/layers/{Layer}/records", body.Replace("@@", $"{at.Lon.ToString(System.Globalization.CultureInfo.InvariantCulture)},{at.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}", StringComparison.Ordinal), "application/json"));
            if (code is not null)
            {
                Assert.True(problem.TryGetProperty("code", out var c) && c.GetString() == code, $"{what}: {problem}");
            }

            Assert.Equal(before, await server.FingerprintAsync());
        }
    }

    public static TheoryData<string, string> Requests => new()
    {
        { "GET", $"/api/layers/{Layer}/records?limit=-1" },
        { "GET", $"/api/layers/{Layer}/records?limit=99999999999" },
        { "GET", $"/api/layers/{Layer}/records?offset=abc" },
        { "GET", $"/api/layers/{Layer}/records?status=%00" },
        { "GET", $"/api/layers/{Layer}/records?status=published'%20OR%201=1" },
        { "GET", $"/api/layers/{Layer}/records/99999999999999999999" },
        { "GET", $"/api/layers/{Layer}/records/-1" },
        { "GET", "/api/layers/no_such_layer/records" },
        { "GET", "/api/layers/%01/records" },
        { "GET", $"/api/layers/{Layer}/records/1/history?x=%00" },
        { "DELETE", $"/api/layers/{Layer}/records/99999999?version=1e99" },
        { "POST", $"/api/layers/{Layer}/records/1/restore" },
        { "POST", $"/api/layers/{Layer}/records/1/publish" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Hostile_requests_are_refused_and_change_nothing(string method, string path)
    {
        var (client, _) = await EditorAsync();
        using (client)
        {
            var before = await server.FingerprintAsync();
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new StringContent("{\"version\":\"x\",\"historyId\":1e99}", Encoding.UTF8, "application/json");
            }

            await AssertProblemAsync(client, request);
            Assert.Equal(before, await server.FingerprintAsync());
        }
    }

    [Fact]
    public async Task Giant_bodies_and_wrong_content_types_are_refused()
    {
        var (client, _) = await EditorAsync();
        using (client)
        {
            var before = await server.FingerprintAsync();
            var giant = "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + new string('x', 5 * 1024 * 1024) + "\"}}";
            Assert.Equal(413, (await AssertProblemAsync(client, Send(HttpMethod.Post, $"/api/layers/{Layer}/records", giant, "application/json"))).GetProperty("status").GetInt32());
            await AssertProblemAsync(client, Send(HttpMethod.Post, $"/api/layers/{Layer}/records", "name=x", "application/x-www-form-urlencoded"));
            await AssertProblemAsync(client, Send(HttpMethod.Post, $"/api/layers/{Layer}/records", "{}", "text/plain"));
            var invalidUtf8 = new ByteArrayContent([.. "{\"type\":\"Feature\",\"properties\":{\"name\":\""u8, 0xC3, 0x28, .. "\"}}"u8]);
            invalidUtf8.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            await AssertProblemAsync(client, Post($"/api/layers/{Layer}/records", invalidUtf8));
            Assert.Equal(before, await server.FingerprintAsync());
        }
    }

    private async Task<(HttpClient Client, (double Lon, double Lat) At)> EditorAsync()
    {
        await server.SetScopeAsync(Unit, [Layer], wholeCity: true);
        var editor = await server.CreateUserAsync(Unit, "editor");
        return (editor.Client(server), await server.InsideAsync("HP010"));
    }

    private static string Feature(string name) =>
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[@@]},\"properties\":{\"name\":" + name
        + ",\"incident_type\":\"fish_kill\",\"occurred_on\":\"2025-06-01\"}}";
}
