using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using Npgsql;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>
/// GET /api/exchange/changes (docs/open-data.md "Change feed"): who may read it, what it reports, and that
/// a cursor never skips or repeats a change, also when transactions commit out of id order.
/// </summary>
[Collection("server")]
public sealed class ChangeFeedTests(ServerFixture server)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Only_connection_accounts_and_the_administrator_read_the_feed()
    {
        var anonymous = await server.Client.GetAsync("/api/exchange/changes");
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "not-signed-in");
        var editor = await server.CreateUserAsync("so-y-te", "editor");
        using (var editorClient = editor.Client(server))
        {
            await AssertProblemAsync(await editorClient.GetAsync("/api/exchange/changes"), HttpStatusCode.Forbidden, "not-a-client");
        }

        var client = await server.CreateUserAsync("ket-noi-bo-nnmt", "client");
        using var clientClient = client.Client(server);
        var response = await clientClient.GetAsync("/api/exchange/changes?limit=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var page = await response.JsonAsync();
        Assert.True(page.GetProperty("changes").GetArrayLength() <= 5);
        Assert.Matches(@"^\d+\.\d+$", page.GetProperty("next").GetString()!);
    }

    [Fact]
    public async Task The_exchange_endpoints_are_in_the_openapi_document_with_typed_results()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        var changes = paths.GetProperty("/api/exchange/changes").GetProperty("get");
        Assert.Contains("ChangeFeedResponse", changes.GetProperty("responses").GetProperty("200").ToString(), StringComparison.Ordinal);
        Assert.Contains("CodeListVersion", paths.GetProperty("/api/exchange/code-lists/{code}").GetProperty("get").GetProperty("responses").GetProperty("200").ToString(),
            StringComparison.Ordinal);
        Assert.True(paths.TryGetProperty("/api/exchange/code-lists/{code}/versions", out _));
        Assert.True(paths.TryGetProperty("/api/exchange/package", out _) || paths.TryGetProperty("/api/exchange/package/", out _));
        Assert.True(json.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("ChangeResponse", out _));
    }

    [Theory]
    [InlineData("since=abc", "invalid-cursor")]
    [InlineData("since=1.2.3", "invalid-cursor")]
    [InlineData("since=-1.5", "invalid-cursor")]
    [InlineData("since=99999999999.1", "cursor-from-the-future")]
    [InlineData("since=1.999999999999", "cursor-from-the-future")]
    [InlineData("limit=0", "invalid-limit")]
    [InlineData("limit=ten", "invalid-limit")]
    [InlineData("layer=species_occurrences", "unknown-layer")]
    [InlineData("layer=nowhere", "unknown-layer")]
    public async Task Bad_cursors_limits_and_layers_are_refused_with_a_code_and_change_nothing(string query, string code)
    {
        var before = await server.DataFingerprintAsync();
        using var admin = server.Admin();
        await AssertProblemAsync(await admin.GetAsync("/api/exchange/changes?" + query), HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await server.DataFingerprintAsync());
    }

    [Fact]
    public async Task Feed_reports_what_the_public_sees_change_in_commit_order_with_public_columns_only()
    {
        using var admin = server.Admin();
        var cursor = await EndAsync(admin, "waste_sources");
        var published = await InsertAsync("published", "Nguồn thải công khai");
        var draft = await InsertAsync("draft", "Nguồn thải nháp");
        await server.ExecuteAsync($"UPDATE data.waste_sources SET name = 'Nguồn thải đã sửa', version = version + 1 WHERE id = {published}");
        await server.ExecuteAsync($"UPDATE data.waste_sources SET name = 'Nháp sửa', version = version + 1 WHERE id = {draft}");
        await server.ExecuteAsync($"UPDATE data.waste_sources SET status = 'published', version = version + 1 WHERE id = {draft}");
        await server.ExecuteAsync($"UPDATE data.waste_sources SET restricted = true, version = version + 1 WHERE id = {draft}");
        await server.ExecuteAsync($"UPDATE data.waste_sources SET status = 'archived', version = version + 1 WHERE id = {published}");

        var changes = await ReadUntilAsync(admin, "waste_sources", cursor, c => c.Count(x => x.Id == published || x.Id == draft) >= 5);
        var ours = changes.Where(c => c.Id == published || c.Id == draft).Select(c => (c.Id, c.Kind)).ToList();
        Assert.Equal([(published, "insert"), (published, "update"), (draft, "publish"), (draft, "unpublish"), (published, "delete")], ours);

        var update = changes.First(c => c.Id == published && c.Kind == "update").Feature;
        Assert.Equal("Nguồn thải đã sửa", update.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("Point", update.GetProperty("geometry").GetProperty("type").GetString());
        Assert.False(update.GetProperty("properties").TryGetProperty("created_by", out _));
        Assert.False(update.GetProperty("properties").TryGetProperty("owner_unit", out _));
        var unpublished = changes.First(c => c.Kind == "unpublish").Feature;
        Assert.Equal("Nháp sửa", unpublished.GetProperty("properties").GetProperty("name").GetString());
        Assert.DoesNotContain(changes, c => c.Feature.GetProperty("properties").GetProperty("name").GetString() == "Nguồn thải nháp");
    }

    [Fact]
    public async Task A_change_that_commits_late_with_a_smaller_id_is_not_skipped()
    {
        // Writes to one layer queue behind each other (its data_version row), so the race needs two layers.
        using var admin = server.Admin();
        var cursor = await EndAsync(admin, null);

        // A: writes first (smaller history id) but commits last.
        await using var slow = new NpgsqlConnection(server.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        long slowId;
        await using (var insert = new NpgsqlCommand(InsertSql("published", "Chậm"), slow, transaction))
        {
            slowId = (long)(await insert.ExecuteScalarAsync())!;
        }

        // B: writes later (larger history id) to another layer and commits at once.
        var fastId = await server.ScalarAsync<long>(StationSql("Trạm nhanh"));

        // While A is open the feed may hand out B or not, but never a cursor past A.
        var first = await PageAsync(admin, null, cursor, 1000);
        Assert.DoesNotContain(first.Changes, c => c.Layer == "waste_sources" && c.Id == slowId);

        await transaction.CommitAsync();
        var later = await ReadUntilAsync(admin, null, first.Next, c => c.Any(x => x.Layer == "waste_sources" && x.Id == slowId)
            && first.Changes.Concat(c).Any(x => x.Layer == "monitoring_stations" && x.Id == fastId));
        var ours = first.Changes.Concat(later)
            .Where(c => (c.Layer == "waste_sources" && c.Id == slowId) || (c.Layer == "monitoring_stations" && c.Id == fastId)).ToList();
        Assert.Equal(2, ours.Count);
        var slowHistory = await server.ScalarAsync<long>($"SELECT max(id) FROM envgis.record_history WHERE layer = 'waste_sources' AND record_id = {slowId}");
        var fastHistory = await server.ScalarAsync<long>($"SELECT max(id) FROM envgis.record_history WHERE layer = 'monitoring_stations' AND record_id = {fastId}");
        Assert.True(slowHistory < fastHistory, "the late change must have the smaller history id for this test to mean anything");
        await server.ExecuteAsync($"DELETE FROM data.monitoring_stations WHERE id = {fastId}");
    }

    [Fact]
    public async Task Concurrent_writers_and_a_polling_reader_see_every_change_exactly_once()
    {
        const int writers = 4;
        const int perWriter = 30;
        using var admin = server.Admin();
        var cursor = await EndAsync(admin, null);
        var written = new ConcurrentBag<string>();
        var seen = new List<string>();
        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                // Two inserts per transaction, so ids interleave across transactions.
                await using var connection = new NpgsqlConnection(server.ConnectionString);
                await connection.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                foreach (var n in new[] { 1, 2 })
                {
                    // Odd writers write stations, even ones waste sources: two layers commit independently.
                    var station = w % 2 == 1;
                    var sql = station ? StationSql($"Trạm đồng thời {w}-{i}-{n}") : InsertSql("published", $"Đồng thời {w}-{i}-{n}");
                    await using var insert = new NpgsqlCommand(sql, connection, transaction);
                    written.Add((station ? "monitoring_stations." : "waste_sources.") + (long)(await insert.ExecuteScalarAsync())!);
                }

                await transaction.CommitAsync();
            }
        })));

        // Poll with small pages while the writers run, then until everything written has arrived.
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var page = await PageAsync(admin, null, cursor, 7);
            seen.AddRange(page.Changes.Where(c => c.Kind == "insert").Select(c => c.Layer + "." + c.Id));
            cursor = page.Next;
            if (writing.IsCompleted && !page.More && written.All(seen.Contains))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the feed delivered {seen.Count} of {written.Count} inserts");
        }

        await writing;
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(written.Order(StringComparer.Ordinal), seen.Where(written.Contains).Order(StringComparer.Ordinal));
        await server.ExecuteAsync("DELETE FROM data.monitoring_stations WHERE created_by = 'feed-test'");
    }

    private static string InsertSql(string status, string name) => $"""
        INSERT INTO data.waste_sources (name, source_type, owner_unit, status, restricted, created_by, updated_by, geom)
        VALUES ('{name}', 'industrial', (SELECT code FROM envgis.units ORDER BY code LIMIT 1), '{status}', false, 'feed-test', 'feed-test',
                ST_SetSRID(ST_MakePoint(106.65, 20.86), 4326))
        RETURNING id
        """;

    private static string StationSql(string name) => $"""
        INSERT INTO data.monitoring_stations (code, name, station_type, automatic, owner_unit, status, restricted, created_by, updated_by, geom)
        VALUES ('FEED-' || substr(md5(random()::text), 1, 10), '{name}', 'air', false, (SELECT code FROM envgis.units ORDER BY code LIMIT 1),
                'published', false, 'feed-test', 'feed-test', ST_SetSRID(ST_MakePoint(106.7, 20.85), 4326))
        RETURNING id
        """;

    private Task<long> InsertAsync(string status, string name) => server.ScalarAsync<long>(InsertSql(status, name));

    private sealed record Change(string Cursor, string Layer, long Id, string Kind, JsonElement Feature);

    private sealed record Page(List<Change> Changes, string Next, bool More);

    private static async Task<Page> PageAsync(HttpClient client, string? layer, string since, int limit)
    {
        var response = await client.GetAsync($"/api/exchange/changes?since={since}&limit={limit}{(layer is null ? "" : "&layer=" + layer)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var changes = root.GetProperty("changes").EnumerateArray().Select(c => new Change(c.GetProperty("cursor").GetString()!,
            c.GetProperty("layer").GetString()!, c.GetProperty("id").GetInt64(), c.GetProperty("kind").GetString()!, c.GetProperty("feature").Clone())).ToList();
        return new Page(changes, root.GetProperty("next").GetString()!, root.GetProperty("more").GetBoolean());
    }

    /// <summary>The feed's current end for a layer (reads every page).</summary>
    private static async Task<string> EndAsync(HttpClient client, string? layer)
    {
        var cursor = "0.0";
        while (true)
        {
            var page = await PageAsync(client, layer, cursor, 10_000);
            cursor = page.Next;
            if (!page.More)
            {
                return cursor;
            }
        }
    }

    /// <summary>Reads from a cursor until the changes gathered satisfy a condition (the feed lags running transactions).</summary>
    private static async Task<List<Change>> ReadUntilAsync(HttpClient client, string? layer, string cursor, Func<List<Change>, bool> done)
    {
        var changes = new List<Change>();
        var deadline = DateTime.UtcNow + Deadline;
        while (!done(changes))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the feed gave only {changes.Count} changes");
            var page = await PageAsync(client, layer, cursor, 100);
            changes.AddRange(page.Changes);
            cursor = page.Next;
        }

        return changes;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(code, document.RootElement.GetProperty("code").GetString());
    }
}
