using System.Net;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Ows;

namespace EnvGis.Server.Tests.OgcApi;

/// <summary>Hostile and mistaken requests to /ogcapi: a problem with the right status and a code, never a 500, and nothing changed.</summary>
[Collection("server")]
public sealed class OgcApiHostileInputTests(ServerFixture server)
{
    private static string Deep(int depth) => new string('(', depth) + "kind = 'ward'" + new string(')', depth);

    public static TheoryData<string, HttpStatusCode, string> Requests() => new()
    {
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("Foo(name) = 1"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("name = 5"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("area_km2 + 1 > 2"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString(Deep(300)), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("name = '" + new string('x', 3000) + "'"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("name LIKE '" + string.Concat(Enumerable.Repeat("%_", 40)) + "'"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("area_km2 > 1e999"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("name = 'x'; DROP TABLE data.communes; --"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("\"name\\\"; DROP TABLE data.communes; --\" = 'x'"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter-crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/9210") + "&filter=" + Uri.EscapeDataString("S_INTERSECTS(geometry, POINT(1e300 1e300))"), HttpStatusCode.BadRequest, "" },
        { "/collections/communes/items?filter=" + Uri.EscapeDataString("T_AFTER(validity, TIMESTAMP('9999-12-31T23:30:00Z'))"), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?filter-lang=cql3&filter=x", HttpStatusCode.BadRequest, "filter-lang" },
        { "/collections/communes/items?filter-lang=cql2-json&filter=" + Uri.EscapeDataString("{\"op\": \"and\", \"args\": ["), HttpStatusCode.BadRequest, "filter" },
        { "/collections/communes/items?crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/31370"), HttpStatusCode.BadRequest, "crs" },
        { "/collections/communes/items?bbox-crs=EPSG:4326&bbox=1,2,3,4", HttpStatusCode.BadRequest, "bbox-crs" },
        { "/collections/communes/items?bbox=1,2,3", HttpStatusCode.BadRequest, "bbox" },
        { "/collections/communes/items?bbox=3,2,1,4", HttpStatusCode.BadRequest, "bbox" },
        { "/collections/communes/items?bbox=NaN,2,3,4", HttpStatusCode.BadRequest, "bbox" },
        { "/collections/communes/items?limit=100001", HttpStatusCode.BadRequest, "limit" },
        { "/collections/communes/items?limit=0", HttpStatusCode.BadRequest, "limit" },
        { "/collections/communes/items?limit=99999999999999999999", HttpStatusCode.BadRequest, "limit" },
        { "/collections/communes/items?offset=-1", HttpStatusCode.BadRequest, "offset" },
        { "/collections/communes/items?limit=1&limit=2", HttpStatusCode.BadRequest, "limit" },
        { "/collections/communes/items?datetime=2025-13-01", HttpStatusCode.BadRequest, "datetime" },
        { "/collections/communes/items?datetime=9999-12-31T23:30:00Z", HttpStatusCode.BadRequest, "datetime" },
        { "/collections/communes/items?datetime=2025-01-01/2024-01-01", HttpStatusCode.BadRequest, "datetime" },
        { "/collections/communes/items?datetime=a/b/c", HttpStatusCode.BadRequest, "datetime" },
        { "/collections/communes/items?f=xml", HttpStatusCode.BadRequest, "f" },
        { "/collections/communes/items?lang=fr", HttpStatusCode.BadRequest, "lang" },
        { "/collections/communes/items?unknown=1", HttpStatusCode.BadRequest, "unknown" },
        { "/collections/communes/items/abc", HttpStatusCode.NotFound, "" },
        { "/collections/communes/items/-1", HttpStatusCode.NotFound, "" },
        { "/collections/communes/items/99999999999999999999999", HttpStatusCode.NotFound, "" },
        { "/collections/no_such_layer/items", HttpStatusCode.NotFound, "" },
        { "/collections/" + Uri.EscapeDataString("communes\"; DROP TABLE x; --") + "/items", HttpStatusCode.NotFound, "" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Each_gets_a_problem_and_nothing_changes(string path, HttpStatusCode status, string parameter)
    {
        var before = await server.DataFingerprintAsync();
        var (actual, body, response) = await server.Client.OgcGetAsync(path);
        OgcApiTestSupport.AssertProblem(actual, body, response, status, parameter: parameter.Length > 0 ? parameter : null);
        Assert.Equal(before, await server.DataFingerprintAsync());
        Assert.True(await server.ScalarAsync<long>("SELECT count(*) FROM data.communes") > 0);
    }
}
