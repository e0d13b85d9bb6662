using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.OgcApi;

/// <summary>Requests to /ogcapi of the test server and the checks every test makes on the answers.</summary>
public static class OgcApiTestSupport
{
    public static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> OgcGetAsync(this HttpClient client, string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ogcapi" + path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static async Task<JsonElement> OgcJsonAsync(this HttpClient client, string path)
    {
        var (status, body, _) = await client.OgcGetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"{path} → {(int)status}: {Shorten(body)}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static Task<JsonElement> OgcJsonAsync(this ServerFixture server, string path) => server.Client.OgcJsonAsync(path);

    /// <summary>Asserts an OGC API problem response: the status, application/problem+json, the code (and parameter).</summary>
    public static JsonElement AssertProblem(HttpStatusCode actual, string body, HttpResponseMessage response, HttpStatusCode status, string? code = null, string? parameter = null)
    {
        Assert.True(actual == status, $"expected {(int)status}, got {(int)actual}: {Shorten(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("code").GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        if (parameter is not null)
        {
            Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        }

        return problem;
    }

    /// <summary>The ids of every feature of a collection, following next links (each page checked).</summary>
    public static async Task<List<long>> AllIdsAsync(this HttpClient client, string layer, string query = "", int limit = 50)
    {
        var ids = new List<long>();
        string? url = $"/ogcapi/collections/{layer}/items?limit={limit}{(query.Length > 0 ? "&" + query : "")}";
        var pages = 0;
        while (url is not null)
        {
            Assert.True(++pages < 10_000, "too many pages");
            var page = await client.OgcJsonAsync(url["/ogcapi".Length..]);
            ids.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            url = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault();
        }

        return ids;
    }

    /// <summary>The ids of a layer's public records matching a SQL condition, straight from the database.</summary>
    public static Task<List<long>> PublicIdsAsync(this ServerFixture server, string layer, string where = "TRUE") =>
        server.ListAsync<long>($"SELECT id FROM data.\"{layer}\" WHERE status = 'published' AND NOT restricted AND ({where}) ORDER BY id");

    public static string Shorten(string text) => text.Length > 1500 ? text[..1500] + "…" : text;
}
