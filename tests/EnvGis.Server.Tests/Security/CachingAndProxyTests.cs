using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EnvGis.Server.Tests.Security;

/// <summary>
/// Answers that depend on the caller cannot be reused for another caller; forwarded headers count only
/// from configured proxies; the public URL is the only source of absolute URLs (docs/hardening.md).
/// </summary>
[Collection("server")]
public sealed class CachingAndProxyTests(ServerFixture server)
{
    public static TheoryData<string> CallerDependent => new()
    {
        "/wfs?SERVICE=WFS&REQUEST=GetCapabilities",
        "/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetCapabilities",
        "/wms?SERVICE=WMS&REQUEST=GetCapabilities",
        "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=envgis:communes",
        "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:rivers&COUNT=1",
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=communes&QUERY_LAYERS=communes&STYLES=&CRS=EPSG:4326&BBOX=20.6,106.5,21.0,107.0&WIDTH=256&HEIGHT=256&I=128&J=128&INFO_FORMAT=application/json",
        "/api/layers",
        "/api/layers/rivers/records?limit=1",
        "/api/account/me",
        "/api/search?q=Cát",
        "/api/portal/config",
    };

    [Theory]
    [MemberData(nameof(CallerDependent))]
    public async Task Caller_dependent_answers_are_never_stored_for_anyone(string path)
    {
        foreach (var client in new[] { server.Basic(), server.Admin() })
        {
            using (client)
            using (var response = await client.GetAsync(path))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var cacheControl = response.Headers.CacheControl!;
                Assert.True(cacheControl.NoStore && cacheControl.Private && !cacheControl.Public, $"{path}: Cache-Control {cacheControl}");
                Assert.Contains("Authorization", response.Headers.Vary);
                Assert.Contains("Cookie", response.Headers.Vary);
            }
        }
    }

    [Fact]
    public async Task Public_tiles_and_legends_may_be_cached_by_anyone_but_never_a_signed_in_callers()
    {
        using var anonymous = server.Basic();
        using var admin = server.Admin();
        foreach (var path in new[] { "/tiles/communes/10/816/451.mvt", "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=communes" })
        {
            using var forAnyone = await anonymous.GetAsync(path);
            Assert.True(forAnyone.Headers.CacheControl!.Public, $"{path}: {forAnyone.Headers.CacheControl}");
            Assert.Contains("Authorization", forAnyone.Headers.Vary);
            using var forAdmin = await admin.GetAsync(path);
            Assert.False(forAdmin.Headers.CacheControl!.Public, $"{path}: {forAdmin.Headers.CacheControl}");
            Assert.True(forAdmin.Headers.CacheControl.Private, $"{path}: {forAdmin.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Without_trusted_proxies_forwarded_headers_are_ignored()
    {
        await using var plain = new SecondServer(server, new Dictionary<string, string?>());
        using var client = plain.CreateClient();
        foreach (var path in new[] { "/wfs?SERVICE=WFS&REQUEST=GetCapabilities", "/wms?SERVICE=WMS&REQUEST=GetCapabilities", "/tiles/rivers.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", body);
            Assert.DoesNotContain("https://", body.Replace("https://envgis.haiphong.gov.vn", "", StringComparison.Ordinal)
                .Replace("https://www.openstreetmap.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_a_public_URL_a_spoofed_host_is_not_reflected_anywhere()
    {
        await using var published = new SecondServer(server, new Dictionary<string, string?> { ["ENVGIS_PUBLIC_URL"] = "https://gis.haiphong.gov.vn/" });
        using var client = published.CreateClient();
        foreach (var path in new[] { "/wfs?SERVICE=WFS&REQUEST=GetCapabilities", "/wms?SERVICE=WMS&REQUEST=GetCapabilities", "/tiles/rivers.json",
                     "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:rivers&COUNT=1&OUTPUTFORMAT=application/json",
                     "/openapi/v1.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            request.Headers.Add("X-Forwarded-Host", "evil2.example");
            var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil", body);
        }

        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.Equal("https://gis.haiphong.gov.vn", Assert.Single(openApi.RootElement.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        using var tileJson = JsonDocument.Parse(await client.GetStringAsync("/tiles/rivers.json"));
        Assert.StartsWith("https://gis.haiphong.gov.vn/tiles/rivers/", tileJson.RootElement.GetProperty("tiles")[0].GetString());
    }

    /// <summary>Another EnvGis over the test database, with other settings (no cluster, no sample loading).</summary>
    private sealed class SecondServer(ServerFixture main, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        private readonly string data = Directory.CreateTempSubdirectory("envgis-second-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:EnvGis", main.ConnectionString);
            builder.UseSetting("ENVGIS_DATA_DIR", data);
            builder.UseSetting("ENVGIS_TRUSTED_PROXIES", "");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseEnvironment("Testing");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }
}
