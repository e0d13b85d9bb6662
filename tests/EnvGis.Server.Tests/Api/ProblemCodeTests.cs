using System.Net;
using System.Net.Http.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Api;

/// <summary>What the portal asked of the API: machine-readable refusal codes, and who-am-I without a 401 for the public.</summary>
[Collection("server")]
public sealed class ProblemCodeTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";

    [Fact]
    public async Task Outside_scope_stale_version_and_invalid_geometry_refusals_carry_a_code()
    {
        await server.SetScopeAsync("xa-hp071", [Layer, "polluted_zones"]);
        var editor = await server.CreateUserAsync("xa-hp071", "editor");
        using var client = editor.Client(server);

        var outside = await client.PostAsJsonAsync($"/api/layers/{Layer}/records", TestPlaces.IncidentFeature(await server.InsideAsync("HP072"), "ngoài xã"));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal("outside-scope", (await outside.JsonAsync()).GetProperty("code").GetString());

        var created = await client.PostAsJsonAsync($"/api/layers/{Layer}/records", TestPlaces.IncidentFeature(await server.InsideAsync("HP071"), "trong xã"));
        var id = long.Parse((await created.JsonAsync()).GetProperty("id").GetString()!.Split('.')[1]);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/layers/{Layer}/records/{id}",
            TestPlaces.IncidentFeature(await server.InsideAsync("HP071"), "trong xã (sửa)", version: 1))).StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/layers/{Layer}/records/{id}",
            TestPlaces.IncidentFeature(await server.InsideAsync("HP071"), "bản cũ", version: 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("stale-version", (await stale.JsonAsync()).GetProperty("code").GetString());

        using var admin = server.Admin();
        var bowtie = await admin.PostAsJsonAsync("/api/layers/polluted_zones/records", new
        {
            type = "Feature",
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 106.6, 20.8 }, new[] { 106.7, 20.9 }, new[] { 106.7, 20.8 }, new[] { 106.6, 20.9 }, new[] { 106.6, 20.8 } } } },
            properties = new { name = "Nơ", pollution_type = "air", severity = "low" },
        });
        var problem = await bowtie.JsonAsync();
        Assert.Equal("invalid-geometry", problem.GetProperty("code").GetString());
        Assert.Equal("geometry", problem.GetProperty("field").GetString());

        // Other refusals carry the code of their kind (issue 9: every refusal the portal shows has one).
        var unknown = await client.GetAsync($"/api/layers/{Layer}/records/999999999");
        Assert.Equal("not-found", (await unknown.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anonymous_callers_asking_who_they_are_get_null_not_401()
    {
        using var anonymous = server.Basic();
        var me = await anonymous.GetAsync("/api/account/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("null", (await me.Content.ReadAsStringAsync()).Trim());

        using var wrong = server.Basic("khong-co-ai", "sai-mat-khau-0");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/account/me")).StatusCode);
    }
}
