using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.Portal;

/// <summary>
/// How the portal is delivered: one bootstrap call (config, catalogue, styles, tile URLs, account) in
/// the OpenAPI document, hashed bundles cached for a year and sent precompressed, index.html
/// revalidated, caller-specific answers never stored, and search that ignores accents.
/// </summary>
[Collection("server")]
public sealed partial class PortalDeliveryTests(ServerFixture server)
{
    [Fact]
    public async Task The_bootstrap_carries_config_catalogue_styles_and_tile_URLs_of_what_the_caller_may_see()
    {
        using var anonymous = server.Basic();
        var response = await anonymous.GetAsync("/api/portal/bootstrap");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("Cookie", response.Headers.Vary);
        var boot = await response.JsonAsync();
        Assert.Equal("© OpenStreetMap contributors", boot.GetProperty("config").GetProperty("attribution").GetString());
        Assert.Equal(4, boot.GetProperty("config").GetProperty("homeExtent").GetArrayLength());
        Assert.False(boot.TryGetProperty("account", out var nobody) && nobody.ValueKind != System.Text.Json.JsonValueKind.Null);
        var layers = boot.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("layers").EnumerateArray())
            .Select(l => l.GetProperty("name").GetString()!).ToList();
        Assert.Contains("protected_areas", layers);
        Assert.DoesNotContain("species_occurrences", layers);
        foreach (var layer in layers)
        {
            Assert.True(boot.GetProperty("styles").TryGetProperty(layer, out var style), $"no style for {layer}");
            Assert.NotEmpty(style.GetProperty("rules").EnumerateArray());
            var template = boot.GetProperty("tiles").GetProperty(layer).GetProperty("tiles")[0].GetString()!;
            // Versioned per caller (docs/tiles.md): a new edit the caller can see gives new URLs.
            Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape($"{server.BaseUrl.ToString().TrimEnd('/')}/tiles/{layer}/{{z}}/{{x}}/{{y}}.mvt?v=")}[A-Za-z0-9._-]+$", template);
        }

        // The same template as TileJSON hands out (one function, TileUrls, makes both).
        var tileJson = await (await anonymous.GetAsync("/tiles/rivers.json")).JsonAsync();
        Assert.Equal(tileJson.GetProperty("tiles")[0].GetString(), boot.GetProperty("tiles").GetProperty("rivers").GetProperty("tiles")[0].GetString());

        // Signed in: the account, its layers, an antiforgery token, and never stored.
        var user = await server.CreateUserAsync("xa-hp031", "editor");
        using var signedIn = user.Client(server);
        var mine = await signedIn.GetAsync("/api/portal/bootstrap");
        Assert.True(mine.Headers.CacheControl is { Private: true, NoStore: true }, mine.Headers.CacheControl?.ToString());
        var account = (await mine.JsonAsync()).GetProperty("account");
        Assert.Equal(user.Name, account.GetProperty("userName").GetString());

        var openApi = await (await anonymous.GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/portal/bootstrap", out var path));
        Assert.True(path.GetProperty("get").GetProperty("responses").GetProperty("200").TryGetProperty("content", out _));
    }

    [Fact]
    public async Task Hashed_bundles_are_cached_for_a_year_and_sent_precompressed_and_index_html_is_revalidated()
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseUrl };
        var index = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        var html = await index.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        var bundles = BundleName().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(bundles, b => b.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(bundles, b => b.EndsWith(".css", StringComparison.Ordinal));

        foreach (var bundle in bundles)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, bundle);
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(bundle.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css", response.Content.Headers.ContentType?.MediaType);
        }

        // Without Accept-Encoding the plain file.
        var plain = await client.GetAsync(bundles.First(b => b.EndsWith(".js", StringComparison.Ordinal)));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("import", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ignores_case_and_accents_including_d_with_stroke()
    {
        using var anonymous = server.Basic();
        foreach (var (query, expected) in new[] { ("cat ba", "Vườn quốc gia Cát Bà"), ("VUON QUOC GIA", "Vườn quốc gia Cát Bà"), ("dinh vu", "Đình Vũ") })
        {
            var answer = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}");
            var labels = answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("label").GetString()!).ToList();
            Assert.True(labels.Any(l => l.Contains(expected, StringComparison.Ordinal)), $"{query}: {string.Join(" | ", labels)}");
        }

        // Wildcards stay literal.
        var none = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/search?q=%25%25");
        Assert.Empty(none.GetProperty("results").EnumerateArray());
    }

    [GeneratedRegex(@"(?:href|src)=""((?:chunks/)?[\w.-]+-[A-Z0-9]{8}\.(?:js|css))""")]
    private static partial Regex BundleName();
}
