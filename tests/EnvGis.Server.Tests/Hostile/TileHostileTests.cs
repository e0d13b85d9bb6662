using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Hostile.Hostile;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>Vector tiles and TileJSON under hostile paths: problem details (4xx), whole bodies, nothing changed.</summary>
[Collection("server")]
public sealed class TileHostileTests(ServerFixture server)
{
    public static TheoryData<string> Paths => new()
    {
        "/tiles/communes/-1/0/0.mvt",
        "/tiles/communes/99/0/0.mvt",
        "/tiles/communes/2147483648/0/0.mvt",
        "/tiles/communes/10/99999999999999999999/1.mvt",
        "/tiles/communes/10/-5/1.mvt",
        "/tiles/communes/10/1024/1.mvt",
        "/tiles/communes/10/NaN/1.mvt",
        "/tiles/communes/10/Infinity/1.mvt",
        "/tiles/communes/1e3/1/1.mvt",
        "/tiles/communes/10/1/0x10.mvt",
        "/tiles/communes/10/1/%01.mvt",
        "/tiles/no_such_layer/1/0/0.mvt",
        "/tiles/communes%27%3B%20DROP%20TABLE%20data.communes%3B--/1/0/0.mvt",
        "/tiles/%FF%FE/1/0/0.mvt",
        "/tiles/no_such_layer.json",
        "/tiles/communes%01.json",
        "/tiles/../../etc/passwd.json",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Bad_tile_requests_are_problem_details_and_change_nothing(string path)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        await AssertProblemAsync(client, Get(path));
        Assert.Equal(before, await server.FingerprintAsync());
    }

    [Theory]
    [InlineData("/tiles/communes/10/%00/1.mvt")]
    [InlineData("/tiles/communes%00/1/0/0.mvt")]
    public async Task A_NUL_in_the_path_is_refused_by_the_web_server_itself(string path) =>
        await AssertRefusedByTheServerAsync(server, Get(path));

    [Fact]
    public async Task A_giant_path_is_refused_and_the_server_goes_on()
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using var response = await client.GetAsync("/tiles/" + new string('a', 20_000) + "/1/0/0.mvt");
        Assert.InRange((int)response.StatusCode, 400, 499);
        await response.Content.ReadAsByteArrayAsync();
        await AssertAnsweredAsync(client, Get("/tiles/communes/10/816/451.mvt"));
    }
}
