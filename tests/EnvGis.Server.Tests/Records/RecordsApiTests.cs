using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Records;

[Collection("server")]
public sealed class RecordsApiTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";

    [Fact]
    public async Task A_commune_record_goes_draft_submitted_approved_by_its_chairman_then_published_and_public_at_once()
    {
        await server.SetScopeAsync("xa-hp010", [Layer]);
        var editor = await server.CreateUserAsync("xa-hp010", "editor");
        var chairman = await server.CreateUserAsync("xa-hp010", "approver", holder: "Chủ tịch UBND xã");
        var otherChairman = await server.CreateUserAsync("xa-hp011", "approver");
        var at = await server.InsideAsync("HP010");
        using var edit = editor.Client(server);
        using var approve = chairman.Client(server);
        using var anonymous = server.Basic();

        var created = await edit.PostAsJsonAsync($"/api/layers/{Layer}/records", TestPlaces.IncidentFeature(at, "Cá chết hàng loạt"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/geo+json", created.Content.Headers.ContentType?.MediaType);
        var feature = await created.JsonAsync();
        var id = long.Parse(feature.GetProperty("id").GetString()!.Split('.')[1]);
        Assert.Equal($"{Layer}.{id}", feature.GetProperty("id").GetString());
        Assert.Equal("draft", feature.GetProperty("properties").GetProperty("status").GetString());
        Assert.Equal("xa-hp010", feature.GetProperty("properties").GetProperty("owner_unit").GetString());
        Assert.Equal("HP010", feature.GetProperty("properties").GetProperty("commune_code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/layers/{Layer}/records/{id}")).StatusCode);

        async Task<HttpResponseMessage> Act(HttpClient client, string action, int version) =>
            await client.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/{action}", new { version, comment = action });

        Assert.Equal(HttpStatusCode.Conflict, (await Act(approve, "approve", 1)).StatusCode); // a draft is not approved
        Assert.Equal(HttpStatusCode.OK, (await Act(edit, "submit", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(edit, "approve", 2)).StatusCode); // editors of communes do not approve
        using (var admin = server.Admin())
        {
            var refused = await Act(admin, "approve", 2);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("chairman", (await refused.JsonAsync()).GetProperty("detail").GetString());
        }

        using (var other = otherChairman.Client(server))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Act(other, "approve", 2)).StatusCode); // cannot even see it
        }

        Assert.Equal(HttpStatusCode.OK, (await Act(approve, "approve", 2)).StatusCode);
        Assert.Equal("approved", await server.ScalarAsync<string>($"SELECT status FROM data.{Layer} WHERE id = $1", id));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/layers/{Layer}/records/{id}")).StatusCode);
        Assert.DoesNotContain(id, await TestTiles.IdsAsync(anonymous, Layer, 15, at.Lon, at.Lat));

        var published = await Act(approve, "publish", 3);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await published.JsonAsync()).GetProperty("properties").GetProperty("status").GetString());

        // Public at once: API, tiles.
        var open = await (await anonymous.GetAsync($"/api/layers/{Layer}/records/{id}")).JsonAsync();
        Assert.Equal("Cá chết hàng loạt", open.GetProperty("properties").GetProperty("name").GetString());
        Assert.False(open.GetProperty("properties").TryGetProperty("created_by", out _)); // internal metadata stays internal
        Assert.Contains(id, await TestTiles.IdsAsync(anonymous, Layer, 15, at.Lon, at.Lat));

        // The history: one entry per change, with user, unit and channel.
        var history = await (await approve.GetAsync($"/api/layers/{Layer}/records/{id}/history")).JsonAsync();
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["insert", "submit", "approve", "publish"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([editor.Name, editor.Name, chairman.Name, chairman.Name], entries.Select(e => e.GetProperty("user").GetString()));
        Assert.All(entries, e => Assert.Equal("xa-hp010", e.GetProperty("unit").GetString()));
        Assert.All(entries, e => Assert.Equal("api", e.GetProperty("channel").GetString()));
        Assert.Equal([1, 2, 3, 4], entries.Select(e => e.GetProperty("version").GetInt32()));
        Assert.False(entries[0].TryGetProperty("before", out _)); // nothing before an insert
        Assert.Equal("approved", entries[3].GetProperty("before").GetProperty("properties").GetProperty("status").GetString());
        Assert.Equal("published", entries[3].GetProperty("after").GetProperty("properties").GetProperty("status").GetString());
        Assert.Equal("Point", entries[3].GetProperty("after").GetProperty("geometry").GetProperty("type").GetString());

        // The history is the owner unit's and the administrator's.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/layers/{Layer}/records/{id}/history")).StatusCode);
        using (var other = otherChairman.Client(server))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/layers/{Layer}/records/{id}/history")).StatusCode);
        }
    }

    [Fact]
    public async Task City_units_that_self_approve_approve_and_publish_their_own_records()
    {
        await server.SetScopeAsync("so-cong-thuong", [Layer], wholeCity: true, selfApprove: true, newRecordStatus: "submitted");
        var editor = await server.CreateUserAsync("so-cong-thuong", "editor");
        using var client = editor.Client(server);
        var created = await (await client.PostAsJsonAsync($"/api/layers/{Layer}/records",
            TestPlaces.IncidentFeature(await server.InsideAsync("HP040"), "Rò rỉ hóa chất"))).JsonAsync();
        Assert.Equal("submitted", created.GetProperty("properties").GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString()!.Split('.')[1];
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/approve", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/layers/{Layer}/records/{id}/publish", new { version = 2 })).StatusCode);

        await server.SetScopeAsync("so-cong-thuong", [Layer], selfApprove: false);
        var second = await (await client.PostAsJsonAsync($"/api/layers/{Layer}/records",
            TestPlaces.IncidentFeature(await server.InsideAsync("HP040"), "Rò rỉ lần hai"))).JsonAsync();
        var secondId = second.GetProperty("id").GetString()!.Split('.')[1];
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PostAsJsonAsync($"/api/layers/{Layer}/records/{secondId}/approve", new { version = 1 })).StatusCode);
    }

    [Fact]
    public async Task Two_concurrent_updates_from_the_same_version_one_wins_one_gets_409_and_nothing_is_overwritten()
    {
        await server.SetScopeAsync("so-y-te", [Layer], wholeCity: true);
        var first = await server.CreateUserAsync("so-y-te", "editor");
        var second = await server.CreateUserAsync("so-y-te", "editor");
        var at = await server.InsideAsync("HP050");
        using var a = first.Client(server);
        using var b = second.Client(server);
        var id = (await (await a.PostAsJsonAsync($"/api/layers/{Layer}/records", TestPlaces.IncidentFeature(at, "Gốc"))).JsonAsync())
            .GetProperty("id").GetString()!.Split('.')[1];

        for (var round = 0; round < 3; round++)
        {
            var version = await server.ScalarAsync<int>($"SELECT version FROM data.{Layer} WHERE id = $1", long.Parse(id));
            var responses = await Task.WhenAll(
                a.PatchAsJsonAsync($"/api/layers/{Layer}/records/{id}", new { properties = new { name = $"A{round}", version } }),
                b.PatchAsJsonAsync($"/api/layers/{Layer}/records/{id}", new { properties = new { name = $"B{round}", version } }));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.Contains("changed by someone else", (await loser.JsonAsync()).GetProperty("detail").GetString());
            var winner = responses[0].StatusCode == HttpStatusCode.OK ? $"A{round}" : $"B{round}";
            Assert.Equal(winner, await server.ScalarAsync<string>($"SELECT name FROM data.{Layer} WHERE id = $1", long.Parse(id)));
            Assert.Equal(version + 1, await server.ScalarAsync<int>($"SELECT version FROM data.{Layer} WHERE id = $1", long.Parse(id)));
        }

        Assert.Equal(3, await server.ScalarAsync<long>(
            "SELECT count(*) FROM envgis.record_history WHERE layer = $1 AND record_id = $2 AND action = 'update'", Layer, long.Parse(id)));
    }

    [Fact]
    public async Task Delete_is_soft_and_restore_brings_back_attributes_and_geometry_exactly()
    {
        await server.SetScopeAsync("so-y-te", [Layer, "polluted_zones"], wholeCity: true);
        var editor = await server.CreateUserAsync("so-y-te", "approver");
        using var client = editor.Client(server);
        var polygon = new
        {
            type = "Feature",
            geometry = new
            {
                type = "Polygon",
                coordinates = new[] { new[] { new[] { 106.6812345678901, 20.8512345678901 }, new[] { 106.6912345678901, 20.8512345678901 },
                    new[] { 106.6912345678901, 20.8612345678901 }, new[] { 106.6812345678901, 20.8512345678901 } } },
            },
            properties = new { name = "Khu ô nhiễm thử", pollution_type = "water", severity = "high", detected_on = "2025-05-05",
                source = "Quan trắc 2025", valid_from = "2025-01-01" },
        };
        var created = await (await client.PostAsJsonAsync("/api/layers/polluted_zones/records", polygon)).JsonAsync();
        var id = long.Parse(created.GetProperty("id").GetString()!.Split('.')[1]);
        const string State = """
            SELECT (to_jsonb(r) - ARRAY['status', 'version', 'updated_at', 'updated_by'])::text || encode(ST_AsEWKB(geom), 'hex')
            FROM data.polluted_zones AS r WHERE id = $1
            """;
        var original = await server.ScalarAsync<string>(State, id);

        // Change it twice, delete it: still there, archived, invisible to the public.
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/layers/polluted_zones/records/{id}", new
        {
            geometry = new { type = "MultiPolygon", coordinates = new[] { new[] { new[] { new[] { 106.70, 20.87 }, new[] { 106.71, 20.87 }, new[] { 106.71, 20.88 }, new[] { 106.70, 20.87 } } } } },
            properties = new { severity = "low", main_pollutant = "NH4+", version = 1 },
        })).StatusCode);
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/layers/polluted_zones/records/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(delete)).StatusCode); // no version
        }

        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/layers/polluted_zones/records/{id}"))
        {
            delete.Headers.TryAddWithoutValidation("If-Match", "W/\"2\"");
            var deleted = await client.SendAsync(delete);
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
            Assert.Equal("archived", (await deleted.JsonAsync()).GetProperty("properties").GetProperty("status").GetString());
        }

        Assert.Equal(1, await server.ScalarAsync<long>("SELECT count(*) FROM data.polluted_zones WHERE id = $1", id));

        // Restore: the state before the delete (version 2's), as a new version with its own history entry.
        var restored = await client.PostAsJsonAsync($"/api/layers/polluted_zones/records/{id}/restore", new { version = 3 });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("draft", (await restored.JsonAsync()).GetProperty("properties").GetProperty("status").GetString());
        Assert.Equal("low", await server.ScalarAsync<string>("SELECT severity FROM data.polluted_zones WHERE id = $1", id));

        // Restore the first version by its history entry: exactly the original attributes and geometry.
        var insertEntry = await server.ScalarAsync<long>(
            "SELECT id FROM envgis.record_history WHERE layer = 'polluted_zones' AND record_id = $1 AND action = 'insert'", id);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/layers/polluted_zones/records/{id}/restore",
            new { version = 4, historyId = insertEntry })).StatusCode);
        Assert.Equal(original, await server.ScalarAsync<string>(State, id));

        var actions = await server.ListAsync<string>(
            "SELECT action FROM envgis.record_history WHERE layer = 'polluted_zones' AND record_id = $1 ORDER BY id", id);
        Assert.Equal(["insert", "update", "delete", "restore", "restore"], actions);

        // Entries of other records do not restore here.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/layers/polluted_zones/records/{id}/restore",
            new { version = 5, historyId = insertEntry - 1 })).StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,20.8]},"properties":{"name":"x","incident_type":"fish_kill","occurred_on":"2025-01-01","colour":"red"}}""", "colour")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,20.8]},"properties":{"name":"x","incident_type":"meteor","occurred_on":"2025-01-01"}}""", "allowed value")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,20.8]},"properties":{"name":"x","incident_type":"fish_kill","occurred_on":"yesterday"}}""", "date")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,20.8]},"properties":{"name":"x","incident_type":"fish_kill"}}""", "required")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,20.8]},"properties":{"name":"x","incident_type":"fish_kill","occurred_on":"2025-01-01","status":"published"}}""", "workflow")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[106.7,20.8],[106.8,20.8],[106.7,20.9],[106.7,20.8]]]},"properties":{"name":"x","incident_type":"fish_kill","occurred_on":"2025-01-01"}}""", "Point")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[20.8,106.7]},"properties":{"name":"x","incident_type":"fish_kill","occurred_on":"2025-01-01"}}""", "swapped")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Pointy","coordinates":[1]},"properties":{}}""", "geometry")]
    [InlineData("""{"type":"Feature","properties":{"name":"x"}""", "JSON")]
    [InlineData("""[1,2,3]""", "object")]
    public async Task Bad_records_are_refused_with_a_clear_problem_and_nothing_is_stored(string body, string expected)
    {
        using var admin = server.Admin();
        var before = await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer}");
        var response = await admin.PostAsync($"/api/layers/{Layer}/records", new StringContent(body, Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", detail);
        Assert.Equal(before, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer}"));
    }

    [Fact]
    public async Task Invalid_geometries_are_refused_with_the_reason()
    {
        using var admin = server.Admin();
        var bowtie = new
        {
            type = "Feature",
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 106.6, 20.8 }, new[] { 106.7, 20.9 }, new[] { 106.7, 20.8 }, new[] { 106.6, 20.9 }, new[] { 106.6, 20.8 } } } },
            properties = new { name = "Nơ", pollution_type = "air", severity = "low" },
        };
        var response = await admin.PostAsJsonAsync("/api/layers/polluted_zones/records", bowtie);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Self-intersection", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Other_bad_requests_get_the_right_status_and_change_nothing()
    {
        using var admin = server.Admin();
        using var anonymous = server.Basic();
        var feature = TestPlaces.IncidentFeature((106.7, 20.85), "Thử");
        var before = await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer}");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/layers/no_such_layer/records", feature)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/layers/{Layer}/records", feature)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/layers/species_occurrences/records")).StatusCode);
        // What a cross-site form can send is not accepted.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync($"/api/layers/{Layer}/records",
            new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync($"/api/layers/{Layer}/records",
            new StringContent(JsonSerializer.Serialize(feature), Encoding.UTF8, "text/plain"))).StatusCode);
        var huge = new StringContent("{\"properties\":{\"name\":\"" + new string('x', 5 * 1024 * 1024) + "\"}}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await admin.PostAsync($"/api/layers/{Layer}/records", huge)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync($"/api/layers/{Layer}/records/999999999",
            new { properties = new { name = "x", version = 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/layers/{Layer}/records?status=bogus")).StatusCode);
        Assert.Equal(before, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer}"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_records_API()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/layers/{layer}/records", "/api/layers/{layer}/records/{id}", "/api/layers/{layer}/records/{id}/history",
                     "/api/layers/{layer}/records/{id}/submit", "/api/layers/{layer}/records/{id}/approve",
                     "/api/layers/{layer}/records/{id}/reject", "/api/layers/{layer}/records/{id}/publish",
                     "/api/layers/{layer}/records/{id}/restore", "/api/account/sign-in", "/api/admin/account-review",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), path);
        }

        var record = paths.GetProperty("/api/layers/{layer}/records/{id}");
        Assert.True(record.TryGetProperty("put", out _) && record.TryGetProperty("patch", out _) && record.TryGetProperty("delete", out _));
        Assert.True(record.GetProperty("patch").GetProperty("responses").TryGetProperty("409", out _));
    }
}
