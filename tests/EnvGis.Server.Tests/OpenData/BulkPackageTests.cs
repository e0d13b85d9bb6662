using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.OpenData.OpenDataTestSupport;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>The bulk package for the Ministry (/api/exchange/package, docs/open-data.md "Bulk package"), read back by GDAL.</summary>
[Collection("server")]
public sealed class BulkPackageTests(ServerFixture server)
{
    [Fact]
    public async Task A_client_builds_and_downloads_a_package_of_every_public_layer_with_metadata_and_category_lists()
    {
        var client = await server.CreateUserAsync("ket-noi-bo-nnmt", "client");
        using var http = client.Client(server);
        var built = await http.PostAsync("/api/exchange/package", null);
        Assert.Equal(HttpStatusCode.Created, built.StatusCode);
        var info = await built.JsonAsync();
        var layers = await server.PublicLayersAsync();
        Assert.Equal(layers.Order(StringComparer.Ordinal), info.GetProperty("layers").EnumerateArray().Select(l => l.GetString()!).Order(StringComparer.Ordinal));

        using var folder = NewFolder();
        var (file, response) = await http.DownloadAsync("/api/exchange/package", folder.Path, "package.gpkg");
        Assert.Equal("application/geopackage+sqlite3", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(info.GetProperty("bytes").GetInt64(), new FileInfo(file).Length);
        foreach (var layer in layers)
        {
            Assert.Equal(await server.PublicCountAsync(layer), await OgrCountAsync(file, layer));
        }

        var listing = await RunAsync("ogrinfo", ["-ro", "-q", file, "-sql", "SELECT count(*) AS n FROM gpkg_metadata WHERE md_standard_uri = 'http://www.isotc211.org/2005/gmd'"]);
        Assert.Contains($"n (Integer) = {layers.Count}", listing, StringComparison.Ordinal);
        var lists = await RunAsync("ogrinfo", ["-ro", "-q", file, "-sql", "SELECT count(*) AS n FROM code_list_items WHERE list = 'article5-categories'"]);
        Assert.Contains($"n (Integer) = {await server.ScalarAsync<long>("SELECT count(*) FROM catalogue.categories")}", lists, StringComparison.Ordinal);
        Assert.DoesNotContain("species_occurrences", await RunAsync("ogrinfo", ["-ro", "-so", file]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_connection_accounts_and_the_administrator_get_the_package()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/api/exchange/package")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.PostAsync("/api/exchange/package", null)).StatusCode);
        var editor = await server.CreateUserAsync("so-y-te", "editor");
        using var http = editor.Client(server);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/exchange/package")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/api/exchange/package", null)).StatusCode);
    }
}
