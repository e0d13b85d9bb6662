using System.Globalization;
using System.Net;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Ows;
using EnvGis.Server.Tests.Security;

namespace EnvGis.Server.Tests.OgcApi;

/// <summary>Items of /ogcapi compared with the database: paging, bbox, datetime on the validity period, CRSs, property filters, visibility.</summary>
[Collection("server")]
public sealed class OgcApiItemsTests(ServerFixture server)
{
    [Fact]
    public async Task Following_next_links_returns_every_public_feature_once()
    {
        var ids = await server.Client.AllIdsAsync("communes", limit: 7);
        Assert.Equal(await server.PublicIdsAsync("communes"), ids);
        var page = await server.OgcJsonAsync("/collections/communes/items?limit=7&offset=14");
        Assert.Equal(await server.PublicCountAsync("communes"), page.GetProperty("numberMatched").GetInt64());
        Assert.Equal(7, page.GetProperty("numberReturned").GetInt32());
        Assert.Contains(page.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "prev"
            && l.GetProperty("href").GetString()!.Contains("offset=7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bbox_selects_what_meets_the_box_in_any_offered_crs_and_axis_order()
    {
        var expected = await server.PublicIdsAsync("communes", "ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await server.Client.AllIdsAsync("communes", "bbox=106.5,20.7,106.9,21.0"));
        // EPSG:4326 as a URI is latitude first (OGC API Part 2, the EPSG axis order).
        Assert.Equal(expected, await server.Client.AllIdsAsync("communes",
            "bbox=20.7,106.5,21.0,106.9&bbox-crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/4326")));
        var vn2000 = await server.ScalarAsync<double[]>("SELECT ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)] FROM (SELECT ST_Transform(ST_MakeEnvelope(106.6, 20.8, 106.7, 20.9, 4326), 9210)::box2d::geometry b) x");
        var inVn2000 = await server.PublicIdsAsync("communes",
            $"ST_Intersects(geom, ST_Transform(ST_MakeEnvelope({string.Join(',', vn2000.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}, 9210), 4326))");
        Assert.Equal(inVn2000, await server.Client.AllIdsAsync("communes",
            $"bbox={string.Join(',', vn2000.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}&bbox-crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/9210")));
    }

    [Fact]
    public async Task Coordinates_come_in_the_asked_crs_and_its_axis_order_with_content_crs()
    {
        var crs84 = await server.OgcJsonAsync("/collections/monitoring_stations/items/1");
        var lonLat = crs84.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        var latLonResponse = await server.Client.OgcGetAsync("/collections/monitoring_stations/items/1?crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/4326"));
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4326>", latLonResponse.Response.Headers.GetValues("Content-Crs").Single());
        using var latLon = JsonDocument.Parse(latLonResponse.Body);
        var swapped = latLon.RootElement.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.Equal((lonLat[1], lonLat[0]), (swapped[0], swapped[1]));

        var projected = await server.OgcJsonAsync("/collections/monitoring_stations/items/1?crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/9210"));
        var en = projected.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        var truth = await server.ScalarAsync<double[]>("SELECT ARRAY[ST_X(g), ST_Y(g)] FROM (SELECT ST_Transform(geom, 9210) g FROM data.monitoring_stations WHERE id = 1) x");
        Assert.Equal(truth[0], en[0], 3);
        Assert.Equal(truth[1], en[1], 3);
        var (status, _, response) = await server.Client.OgcGetAsync("/collections/communes/items");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", response.Headers.GetValues("Content-Crs").Single());
    }

    [Fact]
    public async Task Datetime_selects_by_the_validity_period_with_open_bounds_in_vietnam_time()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var at = await server.InsideAsync("HP005");
        async Task<long> Insert(string? from, string? to) => await server.ScalarAsync<long>(
            $"""
            INSERT INTO data.environmental_incidents (name, incident_type, occurred_on, owner_unit, status, created_by, updated_by, geom, valid_from, valid_to)
            VALUES ($1, 'other', DATE '2025-03-01', 'so-nnmt', 'published', 'test', 'test', ST_SetSRID(ST_MakePoint($2, $3), 4326),
                    {(from is null ? "NULL" : $"DATE '{from}'")}, {(to is null ? "NULL" : $"DATE '{to}'")})
            RETURNING id
            """, $"dt {tag}", at.Lon, at.Lat);
        var closed = await Insert("2024-01-01", "2024-12-31");
        var openEnd = await Insert("2025-01-01", null);
        var openStart = await Insert(null, "2023-06-30");
        var always = await Insert(null, null);

        async Task<List<long>> Select(string datetime) =>
            await server.Client.AllIdsAsync("environmental_incidents", $"name={Uri.EscapeDataString("dt " + tag)}&datetime={Uri.EscapeDataString(datetime)}");

        Assert.Equal([closed, always], await Select("2024-06-01"));
        Assert.Equal([openEnd, always], await Select("2030-01-01"));
        Assert.Equal([openStart, always], await Select("2023-06-30"));
        Assert.Equal([closed, openEnd, always], await Select("2024-12-31/.."));
        Assert.Equal([closed, openStart, always], await Select("../2024-01-01"));
        Assert.Equal([closed, openEnd, openStart, always], await Select("../.."));
        // 2024-12-31T18:00:00Z is already 1 January 2025 in Việt Nam: the open-ended record, not the 2024 one.
        Assert.Equal([openEnd, always], await Select("2024-12-31T18:00:00Z"));
        Assert.Equal([closed, always], await Select("2024-12-31T16:59:59Z"));
        // Without a zone a date-time is Việt Nam time.
        Assert.Equal([openEnd, always], await Select("2025-01-01T00:30:00"));
    }

    [Fact]
    public async Task Property_filters_select_by_equality_with_typed_values()
    {
        Assert.Equal(await server.PublicIdsAsync("communes", "kind = 'ward'"), await server.Client.AllIdsAsync("communes", "kind=ward"));
        Assert.Equal(await server.PublicIdsAsync("communes", "kind = 'commune' AND former_province = 'hai_duong'"),
            await server.Client.AllIdsAsync("communes", "kind=commune&former_province=hai_duong"));
        var (status, body, response) = await server.Client.OgcGetAsync("/collections/communes/items?area_km2=big");
        OgcApiTestSupport.AssertProblem(status, body, response, HttpStatusCode.BadRequest, parameter: "area_km2");
    }

    [Fact]
    public async Task Unpublished_records_appear_only_to_their_unit_within_its_scope()
    {
        var at = await server.InsideAsync("HP001");
        var name = $"draft {Guid.NewGuid():N}";
        var id = await server.InsertIncidentAsync("xa-hp001", "draft", at, name);
        Assert.DoesNotContain(id, await server.Client.AllIdsAsync("environmental_incidents", limit: 1000));
        var (status, body, response) = await server.Client.OgcGetAsync($"/collections/environmental_incidents/items/{id}");
        OgcApiTestSupport.AssertProblem(status, body, response, HttpStatusCode.NotFound);

        await server.SetScopeAsync("xa-hp001", [MatrixActors.Layer]);
        var editor = await server.CreateUserAsync("xa-hp001", "editor");
        using var client = editor.Client(server);
        var feature = await client.OgcJsonAsync($"/collections/environmental_incidents/items/{id}");
        Assert.Equal(name, feature.GetProperty("properties").GetProperty("name").GetString());
        using var other = (await server.CreateUserAsync("xa-hp050", "editor")).Client(server);
        Assert.Equal(HttpStatusCode.NotFound, (await other.OgcGetAsync($"/collections/environmental_incidents/items/{id}")).Status);
    }
}
