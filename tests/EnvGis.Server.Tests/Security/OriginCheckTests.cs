using System.Net;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Hostile.Hostile;

namespace EnvGis.Server.Tests.Security;

/// <summary>State-changing requests from pages of other sites are refused whatever their credentials (docs/hardening.md).</summary>
[Collection("server")]
public sealed class OriginCheckTests(ServerFixture server)
{
    [Fact]
    public async Task A_foreign_origin_cannot_use_the_administrators_Basic_credentials()
    {
        var victim = await server.CreateUserAsync("so-y-te", "editor");
        using var admin = server.Admin();
        var before = await server.FingerprintAsync();

        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{victim.Name}/disable")
        {
            Content = new FormUrlEncodedContent([]),
        };
        foreign.Headers.Add("Origin", "http://evil.example");
        var problem = await AssertProblemAsync(admin, foreign);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("foreign-origin", problem.GetProperty("code").GetString());

        var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{victim.Name}/disable");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal("foreign-origin", (await AssertProblemAsync(admin, crossSite)).GetProperty("code").GetString());

        var nullOrigin = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{victim.Name}/disable");
        nullOrigin.Headers.Add("Origin", "null");
        await AssertProblemAsync(admin, nullOrigin);
        Assert.Equal(before, await server.FingerprintAsync());
        Assert.False(await server.ScalarAsync<bool>("SELECT disabled FROM envgis.users WHERE user_name = $1", victim.Name));

        // The server's own pages, and clients that are not browsers, go through.
        var own = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{victim.Name}/disable");
        own.Headers.Add("Origin", server.BaseUrl.GetLeftPart(UriPartial.Authority));
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{victim.Name}/enable", null)).StatusCode);
    }

    [Fact]
    public async Task A_foreign_origin_gets_an_exception_report_on_the_OGC_paths()
    {
        using var admin = server.Admin();
        var before = await server.FingerprintAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/wfs")
        {
            Content = new StringContent(
                "<wfs:Transaction xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"/>", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://evil.example:8443");
        var root = await AssertOgcRefusalAsync(admin, request);
        Assert.Contains("other sites", root.Value);
        Assert.Equal(before, await server.FingerprintAsync());

        // Reading is not a change: a GET with a foreign Origin is answered.
        var read = new HttpRequestMessage(HttpMethod.Get, "/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        read.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(read)).StatusCode);
    }
}
