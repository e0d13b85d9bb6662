using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using EnvGis.Server.Tiles;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Server.Tests.Tiles;

/// <summary>CDN-ready tile URLs: versioned TileJSON templates, immutable public tiles, private caller tiles, compression.</summary>
[Collection("server")]
public sealed class TileUrlTests(ServerFixture server)
{
    private static readonly (double Lon, double Lat) Haiphong = (106.68, 20.86);

    [Fact]
    public async Task A_tile_asked_for_with_its_current_version_is_immutable_for_everyone_in_between()
    {
        var template = await TemplateAsync(server.Client, "communes");
        var version = template[(template.IndexOf("?v=", StringComparison.Ordinal) + 3)..];
        var current = await TileClient.GetAsync(server.Client, "communes", 12, Haiphong.Lon, Haiphong.Lat, version);
        Assert.Equal(HttpStatusCode.OK, current.Response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", current.Response.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", current.Response.Headers.Vary);
        Assert.Contains("Cookie", current.Response.Headers.Vary);

        var old = await TileClient.GetAsync(server.Client, "communes", 12, Haiphong.Lon, Haiphong.Lat, "p0");
        Assert.True(old.Response.Headers.CacheControl is { Public: true, NoCache: true, MaxAge: null }, old.Response.Headers.CacheControl?.ToString());
        Assert.Equal(current.Body, old.Body);
        var plain = await TileClient.GetAsync(server.Client, "communes", 12, Haiphong.Lon, Haiphong.Lat);
        Assert.True(plain.Response.Headers.CacheControl is { Public: true, NoCache: true, MaxAge: null }, plain.Response.Headers.CacheControl?.ToString());

        // What depends on the caller is never shared, whatever the URL says.
        using var admin = server.Admin();
        var adminTemplate = await TemplateAsync(admin, "communes");
        Assert.Matches(@"\?v=a[0-9]+$", adminTemplate);
        var adminVersion = adminTemplate[(adminTemplate.IndexOf("?v=", StringComparison.Ordinal) + 3)..];
        var own = await TileClient.GetAsync(admin, "communes", 12, Haiphong.Lon, Haiphong.Lat, adminVersion);
        Assert.True(own.Response.Headers.CacheControl is { Private: true, NoCache: true }, own.Response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_tile_URL_function_the_portal_uses_hands_out_the_same_versioned_URLs_as_TileJSON()
    {
        var urls = server.Services.GetRequiredService<TileUrls>();
        var catalogue = server.Services.GetRequiredService<EnvGis.Server.Hosting.CatalogueProvider>().Current;
        var context = new DefaultHttpContext();
        context.Request.Scheme = server.BaseUrl.Scheme;
        context.Request.Host = new HostString(server.BaseUrl.Authority);
        context.RequestServices = server.Services;
        var fromFunction = urls.Template(catalogue.Find("rivers")!, EnvGis.Core.Security.ReadScope.Anonymous, context.Request);
        Assert.Equal(await TemplateAsync(server.Client, "rivers"), fromFunction);
        Assert.Equal(new Uri(server.BaseUrl, "/tiles/rivers.json").ToString(), urls.TileJson(catalogue.Find("rivers")!, context.Request));
    }

    [Fact]
    public async Task Tiles_and_JSON_are_compressed_with_brotli_or_gzip_when_the_client_accepts_them()
    {
        var raw = await TileClient.GetAsync(server.Client, "communes", 11, Haiphong.Lon, Haiphong.Lat);
        Assert.Empty(raw.Response.Content.Headers.ContentEncoding);
        foreach (var (encoding, decode) in new (string, Func<Stream, Stream>)[]
                 {
                     ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
                     ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
                 })
        {
            var compressed = await TileClient.GetAsync(server.Client, "communes", 11, Haiphong.Lon, Haiphong.Lat,
                configure: r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));
            Assert.Equal(encoding, Assert.Single(compressed.Response.Content.Headers.ContentEncoding));
            Assert.True(compressed.Body.Length < raw.Body.Length);
            Assert.Equal(raw.Body, await DecodeAsync(compressed.Body, decode));
            Assert.NotEqual(raw.Response.Headers.ETag, compressed.Response.Headers.ETag);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/communes.json");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var json = await server.Client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(json.Content.Headers.ContentEncoding));
        var text = await DecodeAsync(await json.Content.ReadAsByteArrayAsync(), s => new GZipStream(s, CompressionMode.Decompress));
        Assert.Equal("3.0.0", JsonDocument.Parse(text).RootElement.GetProperty("tilejson").GetString());
    }

    [Fact]
    public async Task TileJSON_revalidates_with_its_ETag_and_names_the_zoom_range_and_generalisation_fields()
    {
        var first = await server.Client.GetAsync("/tiles/monitoring_stations.json");
        Assert.True(first.Headers.CacheControl is { Public: true, NoCache: true }, first.Headers.CacheControl?.ToString());
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/monitoring_stations.json"))
        {
            request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await server.Client.SendAsync(request)).StatusCode);
        }

        var json = await first.JsonAsync();
        Assert.Equal(0, json.GetProperty("minzoom").GetInt32());
        Assert.Equal(16, json.GetProperty("maxzoom").GetInt32());
        Assert.Equal("Number", json.GetProperty("vector_layers")[0].GetProperty("fields").GetProperty("point_count").GetString());
        var polygons = await (await server.Client.GetAsync("/tiles/protected_areas.json")).JsonAsync();
        Assert.Equal("Boolean", polygons.GetProperty("vector_layers")[0].GetProperty("fields").GetProperty("generalised").GetString());
    }

    private static async Task<string> TemplateAsync(HttpClient client, string layer)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/tiles/{layer}.json"));
        return json.RootElement.GetProperty("tiles")[0].GetString()!;
    }

    private static async Task<byte[]> DecodeAsync(byte[] body, Func<Stream, Stream> decoder)
    {
        await using var stream = decoder(new MemoryStream(body));
        using var output = new MemoryStream();
        await stream.CopyToAsync(output);
        return output.ToArray();
    }
}
