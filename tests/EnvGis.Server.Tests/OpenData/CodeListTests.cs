using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>The shared category lists as versioned code tables (/api/exchange/code-lists, docs/open-data.md).</summary>
[Collection("server")]
public sealed class CodeListTests(ServerFixture server)
{
    [Fact]
    public async Task The_lists_the_system_holds_start_at_version_1_from_the_catalogue_and_the_data()
    {
        var lists = await GetJsonAsync(server.Client, "/api/exchange/code-lists");
        var codes = lists.EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("currentVersion").GetInt32());
        foreach (var code in new[] { "article5-categories", "communes", "units", "waste_sources.source_type" })
        {
            Assert.True(codes.TryGetValue(code, out var version) && version >= 1, $"{code}: {lists}");
        }

        var categories = await GetJsonAsync(server.Client, "/api/exchange/code-lists/article5-categories?version=1");
        var items = categories.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(await server.ScalarAsync<long>("SELECT count(*) FROM catalogue.categories"), items.Count);
        Assert.Contains(items, i => i.GetProperty("labelVi").GetString()!.Any(c => c > 'ÿ'));

        var communes = await GetJsonAsync(server.Client, "/api/exchange/code-lists/communes?version=1");
        Assert.Equal(await server.PublicCountAsync("communes"), communes.GetProperty("items").GetArrayLength());

        var kinds = await GetJsonAsync(server.Client, "/api/exchange/code-lists/waste_sources.source_type?version=1");
        Assert.Equal(["industrial", "domestic", "hazardous", "medical", "agricultural", "mining"],
            kinds.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_administrator_publishes_a_new_version_and_the_old_one_stays_as_it_was()
    {
        var before = await GetJsonAsync(server.Client, "/api/exchange/code-lists/units");
        var number = before.GetProperty("version").GetInt32();
        using var admin = server.Admin();
        var response = await admin.PostAsJsonAsync("/api/exchange/code-lists/units/versions", new
        {
            note = "Thêm Ban quản lý mới",
            items = new object[]
            {
                new { code = "ban-moi", labelVi = "Ban quản lý Khu kinh tế mới", labelEn = "New economic zone authority" },
                new { code = "ban-moi-1", labelVi = "Phòng Môi trường", labelEn = "Environment office", parent = "ban-moi" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        Assert.Equal(number + 1, created.GetProperty("version").GetInt32());
        Assert.Equal(TestAccounts.AdminUser, created.GetProperty("publishedBy").GetString());

        var current = await GetJsonAsync(server.Client, "/api/exchange/code-lists/units");
        Assert.Equal(number + 1, current.GetProperty("version").GetInt32());
        Assert.Equal(["ban-moi", "ban-moi-1"], current.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Equal("ban-moi", current.GetProperty("items")[1].GetProperty("parent").GetString());
        var old = await GetJsonAsync(server.Client, $"/api/exchange/code-lists/units?version={number}");
        Assert.Equal(before.GetProperty("items").ToString(), old.GetProperty("items").ToString());

        // Published versions never change, even by SQL.
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            server.ExecuteAsync($"UPDATE envgis.code_list_items SET label_en = 'x' WHERE list = 'units' AND version = {number}"));
        Assert.Contains("cannot be changed", refused.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"items":[]}""", HttpStatusCode.BadRequest, "invalid-items")]
    [InlineData("""{"items":[{"code":"a","labelVi":"A","labelEn":"A"},{"code":"a","labelVi":"B","labelEn":"B"}]}""", HttpStatusCode.BadRequest, "duplicate-code")]
    [InlineData("""{"items":[{"code":" ","labelVi":"A","labelEn":"A"}]}""", HttpStatusCode.BadRequest, "invalid-code")]
    [InlineData("""{"items":[{"code":"a","labelVi":"A\u0007","labelEn":"A"}]}""", HttpStatusCode.BadRequest, "invalid-text")]
    [InlineData("""{"items":[{"code":"a","labelVi":"A"}]}""", HttpStatusCode.BadRequest, "invalid-label")]
    [InlineData("""{"items":[{"code":"a","labelVi":"A","labelEn":"A","parent":"zz"}]}""", HttpStatusCode.BadRequest, "unknown-parent")]
    [InlineData("""{"note":"x\u0000","items":[{"code":"a","labelVi":"A","labelEn":"A"}]}""", HttpStatusCode.BadRequest, "invalid-text")]
    [InlineData("""{"note":"NOTE","items":[{"code":"a","labelVi":"A","labelEn":"A"}]}""", HttpStatusCode.BadRequest, "invalid-note")]
    public async Task Bad_versions_are_refused_with_a_code_and_publish_nothing(string body, HttpStatusCode status, string code)
    {
        var before = await ListStateAsync();
        body = body.Replace("NOTE", new string('n', 1001), StringComparison.Ordinal); // a note over the limit
        using var admin = server.Admin();
        var response = await admin.PostAsync("/api/exchange/code-lists/communes/versions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, status, code);
        Assert.Equal(before, await ListStateAsync());
    }

    [Fact]
    public async Task Only_the_administrator_publishes_and_unknown_lists_and_versions_are_404()
    {
        var before = await ListStateAsync();
        var body = new { items = new[] { new { code = "a", labelVi = "A", labelEn = "A" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.PostAsJsonAsync("/api/exchange/code-lists/communes/versions", body)).StatusCode);
        var client = await server.CreateUserAsync("ket-noi-bo-nnmt", "client");
        using (var clientHttp = client.Client(server))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await clientHttp.PostAsJsonAsync("/api/exchange/code-lists/communes/versions", body)).StatusCode);
        }

        using var admin = server.Admin();
        await AssertProblemAsync(await admin.PostAsJsonAsync("/api/exchange/code-lists/nowhere/versions", body), HttpStatusCode.NotFound, "unknown-code-list");
        await AssertProblemAsync(await server.Client.GetAsync("/api/exchange/code-lists/nowhere"), HttpStatusCode.NotFound, "unknown-code-list");
        await AssertProblemAsync(await server.Client.GetAsync("/api/exchange/code-lists/communes?version=999"), HttpStatusCode.NotFound, "unknown-code-list");
        await AssertProblemAsync(await server.Client.GetAsync("/api/exchange/code-lists/communes?version=x"), HttpStatusCode.BadRequest, "invalid-version");
        Assert.Equal(before, await ListStateAsync());
    }

    private Task<string> ListStateAsync() =>
        server.ScalarAsync<string>("SELECT coalesce(string_agg(list || ':' || version, ',' ORDER BY list, version), '') FROM envgis.code_list_versions");

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} → {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        Assert.Equal(code, document.RootElement.GetProperty("code").GetString());
    }
}
