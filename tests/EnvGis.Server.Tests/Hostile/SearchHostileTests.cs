using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Hostile.Hostile;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>The public search with hostile queries: problem details (4xx) or an honest empty answer, never a database error.</summary>
[Collection("server")]
public sealed class SearchHostileTests(ServerFixture server)
{
    public static TheoryData<string, string?> Refused => new()
    {
        { "/api/search?q=ab%00cd", "invalid-text" },
        { "/api/search?q=%00%00", "invalid-text" },
        { "/api/search?q=ab%01", "invalid-text" },
        { "/api/search?q=" + new string('x', 101), null },
        { "/api/search?q=a", null },
        { "/api/search", null },
        { "/api/search?q=abc&limit=-1", null },
        { "/api/search?q=abc&limit=99999999999", null },
        { "/api/search?q=abc&limit=abc", null },
        { "/api/search?q=abc&limit=0", null },
        { "/api/search?q=abc&%00=1", "invalid-text" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Hostile_searches_are_problem_details(string request, string? code)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var problem = await AssertProblemAsync(client, Get(request));
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        Assert.Equal(before, await server.FingerprintAsync());
    }

    public static TheoryData<string> Answered => new()
    {
        "/api/search?q=" + Uri.EscapeDataString("'; DROP TABLE data.communes; --"),
        "/api/search?q=" + Uri.EscapeDataString("%_%_\\"),
        "/api/search?q=" + Uri.EscapeDataString("\") OR 1=1 --"),
        "/api/search?q=" + Uri.EscapeDataString("*)(uid=*))(|(uid=*"),
        "/api/search?q=%FF%FE%FD",
        "/api/search?q=ab%ED%A0%80",
        "/api/search?q=" + Uri.EscapeDataString("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🐟"),
        "/api/search?q=" + Uri.EscapeDataString("Cát Bà") + "&limit=20",
    };

    [Theory]
    [MemberData(nameof(Answered))]
    public async Task Injection_looking_searches_are_plain_text(string request)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var body = await AssertAnsweredAsync(client, Get(request), HttpStatusCode.OK);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.RootElement.GetProperty("results").ValueKind);
        Assert.Equal(before, await server.FingerprintAsync());
    }
}
