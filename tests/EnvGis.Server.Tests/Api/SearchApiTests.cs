using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Api;

[Collection("server")]
public sealed class SearchApiTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";

    [Fact]
    public async Task Search_finds_published_public_records_by_name_and_never_unpublished_or_restricted_ones()
    {
        var token = "Tìmkiếm" + Guid.NewGuid().ToString("N")[..8];
        var at = await server.InsideAsync("HP068");
        var published = await server.InsertIncidentAsync("xa-hp068", "published", at, $"Sự cố {token} công bố");
        var draft = await server.InsertIncidentAsync("xa-hp068", "draft", at, $"Sự cố {token} nháp");
        var submitted = await server.InsertIncidentAsync("xa-hp068", "submitted", at, $"Sự cố {token} chờ duyệt");
        var restricted = await server.InsertIncidentAsync("xa-hp068", "published", at, $"Sự cố {token} hạn chế");
        await server.ScalarAsync<int>($"UPDATE data.{Layer} SET restricted = true WHERE id = $1 RETURNING 1", restricted);
        var prefixed = await server.InsertIncidentAsync("xa-hp068", "published", at, $"{token} đứng đầu");

        using var anonymous = server.Basic();
        var answer = await (await anonymous.GetAsync($"/api/search?q={Uri.EscapeDataString(token.ToUpperInvariant())}")).JsonAsync();
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([prefixed, published], results.Select(r => r.GetProperty("id").GetInt64())); // names starting with q first
        Assert.All(results, r => Assert.Equal(Layer, r.GetProperty("layer").GetString()));
        var bbox = results[1].GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(4, bbox.Length);
        Assert.Equal(at.Lon, bbox[0], 9);
        Assert.Equal(at.Lat, bbox[1], 9);
        Assert.Equal(at.Lon, bbox[2], 9);
        Assert.Equal(at.Lat, bbox[3], 9);

        // The owner unit finds its own unpublished records too; another unit does not.
        await server.SetScopeAsync("xa-hp068", [Layer]);
        var owner = await server.CreateUserAsync("xa-hp068", "editor");
        using (var client = owner.Client(server))
        {
            var own = (await (await client.GetAsync($"/api/search?q={Uri.EscapeDataString(token)}")).JsonAsync())
                .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToHashSet();
            Assert.Superset(new HashSet<long> { published, draft, submitted, restricted, prefixed }, own);
        }

        var stranger = await server.CreateUserAsync("xa-hp069", "editor");
        using (var client = stranger.Client(server))
        {
            var found = (await (await client.GetAsync($"/api/search?q={Uri.EscapeDataString(token)}")).JsonAsync())
                .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
            Assert.Equal([prefixed, published], found);
        }

        // Wildcards are text; too short or too long is refused; at most 20 results.
        Assert.Empty((await (await anonymous.GetAsync($"/api/search?q={Uri.EscapeDataString(token[..4] + "%" + token[5..])}")).JsonAsync())
            .GetProperty("results").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/search?q=a")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/search?q={new string('x', 101)}")).StatusCode);
        var many = (await (await anonymous.GetAsync("/api/search?q=%25%25&limit=500")).JsonAsync()).GetProperty("results").GetArrayLength();
        Assert.True(many <= 20);
        var common = (await (await anonymous.GetAsync("/api/search?q=x%C3%A3&limit=500")).JsonAsync()).GetProperty("results").GetArrayLength();
        Assert.InRange(common, 0, 20);
    }
}
