using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using EnvGis.Ows.Downloads;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.OgcApi;
using EnvGis.Server.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using static EnvGis.Server.Tests.OpenData.OpenDataTestSupport;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>
/// Layer downloads (/ogcapi/collections/{layer}/download/{format}, docs/open-data.md) read back by GDAL:
/// every format opens, holds exactly the features the caller may see (bbox and CQL2 filters included),
/// keeps Vietnamese text, carries the CRS, the licence and the metadata; non-public data is marked.
/// </summary>
[Collection("server")]
public sealed class DownloadTests(ServerFixture server)
{
    private const string KindFilter = "area_km2 > 20";

    [Fact]
    public async Task Geopackage_holds_every_public_feature_with_vietnamese_text_licence_and_iso_metadata()
    {
        using var folder = NewFolder();
        var (file, response) = await server.Client.DownloadAsync("/ogcapi/collections/communes/download/gpkg", folder.Path, "communes.gpkg");
        Assert.Equal("application/geopackage+sqlite3", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DownloadTerms.PublicUse, response.Header(DownloadTerms.UseHeader));
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Contains("rel=\"describedby\"", response.Header("Link"), StringComparison.Ordinal);

        Assert.Equal(await server.PublicCountAsync("communes"), await OgrCountAsync(file, "communes"));
        var names = await RunAsync("ogrinfo", ["-ro", "-q", file, "-sql", "SELECT name FROM communes ORDER BY fid"]);
        var expected = await server.ListAsync<string>("SELECT name FROM data.communes WHERE status = 'published' AND NOT restricted ORDER BY id");
        Assert.Contains(expected, n => n.Contains('Đ') || n.Any(c => c > 'ÿ'));
        foreach (var name in expected)
        {
            Assert.Contains("name (String) = " + name, names, StringComparison.Ordinal);
        }

        var metadata = await RunAsync("ogrinfo", ["-ro", "-q", file, "-sql", "SELECT md_standard_uri, metadata FROM gpkg_metadata"]);
        Assert.Contains("http://www.isotc211.org/2005/gmd", metadata, StringComparison.Ordinal);
        Assert.Contains("MD_Metadata", metadata, StringComparison.Ordinal);
        Assert.Contains("Đơn vị hành chính cấp xã", metadata, StringComparison.Ordinal);
        var contents = await RunAsync("ogrinfo", ["-ro", "-q", file, "-sql", "SELECT description FROM gpkg_contents WHERE table_name = 'communes'"]);
        Assert.Contains("Licence", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT FOR COMMERCIAL USE", contents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Geopackage_and_shapefile_in_vn2000_have_the_test_vector_coordinates_and_crs()
    {
        var id = await server.ScalarAsync<long>("""
            INSERT INTO data.monitoring_stations (code, name, station_type, automatic, owner_unit, status, restricted, created_by, updated_by, geom)
            VALUES ('DL-VN2000', 'Trạm tải về Đồ Sơn', 'air', true, (SELECT code FROM envgis.units ORDER BY code LIMIT 1), 'published', false,
                    'download-test', 'download-test', ST_SetSRID(ST_MakePoint(106.70, 20.85), 4326))
            RETURNING id
            """);
        try
        {
            using var folder = NewFolder();
            var crs = Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/9210");
            var filter = Uri.EscapeDataString("code = 'DL-VN2000'");
            var (gpkg, response) = await server.Client.DownloadAsync($"/ogcapi/collections/monitoring_stations/download/gpkg?crs={crs}&filter={filter}", folder.Path, "s.gpkg");
            Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/9210>", response.Header("Content-Crs"));
            var (shp, _) = await server.Client.DownloadAsync($"/ogcapi/collections/monitoring_stations/download/shp?crs={crs}&filter={filter}", folder.Path, "s.shp.zip");
            foreach (var source in new[] { gpkg, "/vsizip/" + shp + "/monitoring_stations.shp" })
            {
                var output = await RunAsync("ogrinfo", ["-ro", "-al", source]);
                Assert.Contains("Feature Count: 1", output, StringComparison.Ordinal);
                Assert.Contains("VN-2000", output, StringComparison.Ordinal);
                Assert.Contains("Trạm tải về Đồ Sơn", output, StringComparison.Ordinal);
                var point = System.Text.RegularExpressions.Regex.Match(output, @"POINT \(([\d.]+) ([\d.]+)\)");
                Assert.True(point.Success, output);
                Assert.Equal(598_667.63, double.Parse(point.Groups[1].Value, CultureInfo.InvariantCulture), 0.01);
                Assert.Equal(2_306_639.68, double.Parse(point.Groups[2].Value, CultureInfo.InvariantCulture), 0.01);
            }
        }
        finally
        {
            await server.ExecuteAsync($"DELETE FROM data.monitoring_stations WHERE id = {id}");
        }
    }

    [Fact]
    public async Task Zipped_shapefile_carries_prj_cpg_licence_readme_and_metadata_with_vietnamese_text_intact()
    {
        using var folder = NewFolder();
        var (file, response) = await server.Client.DownloadAsync("/ogcapi/collections/communes/download/shp", folder.Path, "communes.shp.zip");
        Assert.Equal("application/x-shapefile+zip", response.Content.Headers.ContentType?.MediaType);
        using (var zip = ZipFile.OpenRead(file))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            foreach (var name in new[] { "communes.shp", "communes.shx", "communes.dbf", "communes.prj", "communes.cpg", "LICENCE.txt", "README.txt", "communes.xml" })
            {
                Assert.Contains(name, entries);
            }

            using var cpg = new StreamReader(zip.GetEntry("communes.cpg")!.Open());
            Assert.Contains("UTF-8", await cpg.ReadToEndAsync(), StringComparison.OrdinalIgnoreCase);
            using var licence = new StreamReader(zip.GetEntry("LICENCE.txt")!.Open(), Encoding.UTF8);
            var terms = await licence.ReadToEndAsync();
            Assert.Contains("Đơn vị hành chính cấp xã", terms, StringComparison.Ordinal);
            Assert.Contains("/ogcapi/collections/communes/metadata", terms, StringComparison.Ordinal);
        }

        var source = "/vsizip/" + file + "/communes.shp";
        Assert.Equal(await server.PublicCountAsync("communes"), await OgrCountAsync(source, "communes"));
        var all = await RunAsync("ogrinfo", ["-ro", "-al", "-q", source]);
        foreach (var name in await server.ListAsync<string>("SELECT name FROM data.communes WHERE status = 'published' AND NOT restricted"))
        {
            Assert.Contains("name (String) = " + name, all, StringComparison.Ordinal);
        }

        Assert.Contains("WGS 84", await RunAsync("ogrinfo", ["-ro", "-so", source, "communes"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("geojson", "application/geo+json")]
    [InlineData("csv", "text/csv")]
    [InlineData("kml", "application/vnd.google-earth.kml+xml")]
    public async Task Streamed_formats_open_in_ogr_with_every_public_feature(string format, string mediaType)
    {
        using var folder = NewFolder();
        var (file, response) = await server.Client.DownloadAsync($"/ogcapi/collections/rivers/download/{format}", folder.Path, "rivers." + format);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await server.PublicCountAsync("rivers"), await OgrCountAsync(file));
        var all = await RunAsync("ogrinfo", ["-ro", "-al", "-q", file]);
        foreach (var name in await server.ListAsync<string>("SELECT name FROM data.rivers WHERE status = 'published' AND NOT restricted"))
        {
            Assert.Contains(name, all, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("gpkg")]
    [InlineData("geojson")]
    [InlineData("csv")]
    public async Task Bbox_and_cql2_filter_select_the_same_features_as_the_database(string format)
    {
        using var folder = NewFolder();
        var query = $"?bbox=106.5,20.7,106.9,21.0&filter={Uri.EscapeDataString(KindFilter)}";
        var (file, _) = await server.Client.DownloadAsync($"/ogcapi/collections/communes/download/{format}{query}", folder.Path, "c." + format);
        var expected = await server.PublicCountAsync("communes", KindFilter + " AND ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))");
        var all = await server.PublicCountAsync("communes");
        Assert.InRange(expected, 1, all - 1);
        Assert.Equal(expected, await OgrCountAsync(file));
    }

    [Fact]
    public async Task Anonymous_downloads_hold_only_public_records_and_authorised_ones_are_marked_not_for_commercial_use()
    {
        var id = await server.ScalarAsync<long>("""
            INSERT INTO data.monitoring_stations (code, name, station_type, automatic, owner_unit, status, restricted, created_by, updated_by, geom)
            VALUES ('DL-DRAFT', 'Trạm nháp', 'air', true, (SELECT code FROM envgis.units ORDER BY code LIMIT 1), 'draft', false,
                    'download-test', 'download-test', ST_SetSRID(ST_MakePoint(106.6, 20.8), 4326))
            RETURNING id
            """);
        try
        {
            var anonymous = await server.Client.GetAsync("/ogcapi/collections/monitoring_stations/download/geojson");
            Assert.Equal(DownloadTerms.PublicUse, anonymous.Header(DownloadTerms.UseHeader));
            Assert.Contains("public", anonymous.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            var anonymousIds = Ids(await anonymous.Content.ReadAsStringAsync());
            Assert.DoesNotContain(id, anonymousIds);
            Assert.Equal(await server.PublicCountAsync("monitoring_stations"), anonymousIds.Count);

            using var admin = server.Admin();
            var authorised = await admin.GetAsync("/ogcapi/collections/monitoring_stations/download/geojson");
            Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
            Assert.Equal(DownloadTerms.NonCommercialUse, authorised.Header(DownloadTerms.UseHeader));
            Assert.Contains("no-store", authorised.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.Contains("not-for-commercial-use", authorised.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
            var body = await authorised.Content.ReadAsStringAsync();
            Assert.Contains(id, Ids(body));
            Assert.Contains("NOT FOR COMMERCIAL USE", body, StringComparison.Ordinal);

            using var folder = NewFolder();
            var (zip, _) = await admin.DownloadAsync("/ogcapi/collections/monitoring_stations/download/shp", folder.Path, "s.zip");
            using (var archive = ZipFile.OpenRead(zip))
            {
                using var licence = new StreamReader(archive.GetEntry("LICENCE.txt")!.Open(), Encoding.UTF8);
                Assert.StartsWith("KHÔNG SỬ DỤNG VÀO MỤC ĐÍCH THƯƠNG MẠI", await licence.ReadToEndAsync(), StringComparison.Ordinal);
            }

            // A restricted layer does not exist for the public, in downloads as everywhere.
            var restricted = await server.Client.OgcGetAsync("/collections/species_occurrences/download/gpkg");
            OgcApiTestSupport.AssertProblem(restricted.Status, restricted.Body, restricted.Response, HttpStatusCode.NotFound);
            var authorisedRestricted = await admin.GetAsync("/ogcapi/collections/species_occurrences/download/kml");
            Assert.Equal(HttpStatusCode.OK, authorisedRestricted.StatusCode);
            Assert.Equal(DownloadTerms.NonCommercialUse, authorisedRestricted.Header(DownloadTerms.UseHeader));
        }
        finally
        {
            await server.ExecuteAsync($"DELETE FROM data.monitoring_stations WHERE id = {id}");
        }
    }

    [Theory]
    [InlineData("/collections/communes/download/xlsx", HttpStatusCode.NotFound, "unknown-format")]
    [InlineData("/collections/communes/download/gpkg?bbox=1,2,3", HttpStatusCode.BadRequest, null)]
    [InlineData("/collections/communes/download/gpkg?bbox=a,b,c,d", HttpStatusCode.BadRequest, null)]
    [InlineData("/collections/communes/download/shp?filter=name%20%3D%3D%3D", HttpStatusCode.BadRequest, null)]
    [InlineData("/collections/communes/download/csv?filter=nope%20%3D%201", HttpStatusCode.BadRequest, null)]
    [InlineData("/collections/communes/download/gpkg?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F2154", HttpStatusCode.BadRequest, null)]
    [InlineData("/collections/communes/download/kml?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F9210", HttpStatusCode.BadRequest, "unknown-crs")]
    [InlineData("/collections/communes/download/geojson?limit=5", HttpStatusCode.BadRequest, null)]
    [InlineData("/collections/nowhere/download/gpkg", HttpStatusCode.NotFound, null)]
    public async Task Bad_download_requests_get_problem_details_and_change_nothing(string path, HttpStatusCode status, string? code)
    {
        var before = await server.DataFingerprintAsync();
        var (actual, body, response) = await server.Client.OgcGetAsync(path);
        OgcApiTestSupport.AssertProblem(actual, body, response, status, code);
        Assert.Equal(before, await server.DataFingerprintAsync());
        Assert.Empty(Directory.Exists(TempDirectory) ? Directory.EnumerateFileSystemEntries(TempDirectory) : []);
    }

    [Fact]
    public async Task Collections_list_every_download_as_an_enclosure_link_with_its_media_type()
    {
        var collection = await server.OgcJsonAsync("/collections/communes");
        var enclosures = collection.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("rel").GetString() == "enclosure")
            .ToDictionary(l => l.GetProperty("type").GetString()!, l => l.GetProperty("href").GetString()!);
        Assert.Equal(
            ["application/geo+json", "application/geopackage+sqlite3", "application/vnd.google-earth.kml+xml", "application/x-shapefile+zip", "text/csv"],
            enclosures.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, href) in enclosures)
        {
            Assert.StartsWith(server.BaseUrl.ToString().TrimEnd('/') + "/ogcapi/collections/communes/download/", href, StringComparison.Ordinal);
            var response = await server.Client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(TempDirectory));
    }

    private string TempDirectory => server.Services.GetRequiredService<DownloadOptions>().TempDirectory;

    private static List<long> Ids(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        return document.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToList();
    }
}
