using System.Net;
using System.Net.Http.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Records;

[Collection("server")]
public sealed class PortalEditingTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";

    [Fact]
    public async Task Portal_session_changes_need_the_antiforgery_token_and_are_recorded_as_the_portal()
    {
        await server.SetScopeAsync("xa-hp040", [Layer]);
        var editor = await server.CreateUserAsync("xa-hp040", "editor");
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseUrl };
        var anonymousToken = (await (await browser.GetAsync("/api/account/antiforgery")).JsonAsync()).GetProperty("token").GetString()!;
        using (var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in")
                   { Content = JsonContent.Create(new { userName = editor.Name, password = editor.Password }) })
        {
            signIn.Headers.Add("X-CSRF-TOKEN", anonymousToken);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(signIn)).StatusCode);
        }

        var token = (await (await browser.GetAsync("/api/account/antiforgery")).JsonAsync()).GetProperty("token").GetString()!;
        var name = "portal " + Guid.NewGuid().ToString("N")[..8];
        var feature = TestPlaces.IncidentFeature(await server.InsideAsync("HP040"), name);

        // Without the token, with a forged one, and with the anonymous one: refused, nothing stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsJsonAsync($"/api/layers/{Layer}/records", feature)).StatusCode);
        foreach (var wrong in new[] { token[..^6] + "AAAAAA", anonymousToken })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/layers/{Layer}/records") { Content = JsonContent.Create(feature) };
            forged.Headers.Add("X-CSRF-TOKEN", wrong);
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(forged)).StatusCode);
        }

        Assert.Equal(0, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name = $1", name));

        using (var create = new HttpRequestMessage(HttpMethod.Post, $"/api/layers/{Layer}/records") { Content = JsonContent.Create(feature) })
        {
            create.Headers.Add("X-CSRF-TOKEN", token);
            Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(create)).StatusCode);
        }

        Assert.Equal($"insert|portal|{editor.Name}|xa-hp040", await server.ScalarAsync<string>(
            $"""
            SELECT h.action || '|' || h.channel || '|' || h.user_name || '|' || h.unit_code
            FROM envgis.record_history h JOIN data.{Layer} r ON r.id = h.record_id AND h.layer = $1 WHERE r.name = $2
            """, Layer, name));

        // The portal session sees its own draft in the tiles; the public does not.
        var id = await server.ScalarAsync<long>($"SELECT id FROM data.{Layer} WHERE name = $1", name);
        var (lon, lat) = await server.InsideAsync("HP040");
        Assert.Contains(id, await TestTiles.IdsAsync(browser, Layer, 15, lon, lat));
        Assert.DoesNotContain(id, await TestTiles.IdsAsync(server.Client, Layer, 15, lon, lat));

        // A portal session cannot post WFS transactions (a web page could make the browser send one).
        using var wfs = new HttpRequestMessage(HttpMethod.Post, "/wfs")
        {
            Content = new StringContent(
                WfsTransaction.Transactions.Document("1.1.0", WfsTransaction.Transactions.Insert("1.1.0",
                    WfsTransaction.Transactions.Incident("1.1.0", lon, lat, name + " wfs"))), System.Text.Encoding.UTF8, "text/xml"),
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(wfs)).StatusCode);
        Assert.Equal(0, await server.ScalarAsync<long>($"SELECT count(*) FROM data.{Layer} WHERE name = $1", name + " wfs"));
    }
}
