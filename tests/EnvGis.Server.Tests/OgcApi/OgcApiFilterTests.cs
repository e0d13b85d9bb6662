using System.Net;
using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Filters.Cql2;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.OgcApi;

/// <summary>
/// CQL2 through /ogcapi against the database, and the one SQL generator against the one in-memory
/// evaluator: for each filter, the features PostGIS selects are exactly those the evaluator accepts.
/// </summary>
[Collection("server")]
public sealed class OgcApiFilterTests(ServerFixture server)
{
    [Theory]
    [InlineData("kind = 'ward'", "kind = 'ward'")]
    [InlineData("area_km2 > 50 AND kind <> 'ward'", "area_km2 > 50 AND kind <> 'ward'")]
    [InlineData("name LIKE 'Đ%'", "name LIKE 'Đ%'")]
    [InlineData("area_km2 BETWEEN 10 AND 20", "area_km2 BETWEEN 10 AND 20")]
    [InlineData("code IN ('HP001', 'HP002', 'HP114')", "code IN ('HP001', 'HP002', 'HP114')")]
    [InlineData("population IS NULL", "population IS NULL")]
    [InlineData("NOT (kind = 'ward' OR kind = 'commune')", "NOT (kind = 'ward' OR kind = 'commune')")]
    [InlineData("CASEI(name) = CASEI('ĐỒ SƠN')", "lower(name) = lower('ĐỒ SƠN')")]
    [InlineData("S_INTERSECTS(geometry, BBOX(106.5, 20.7, 106.9, 21.0))", "ST_Intersects(geom, ST_MakeEnvelope(106.5, 20.7, 106.9, 21.0, 4326))")]
    [InlineData("S_INTERSECTS(geometry, POINT(106.688 20.93))", "ST_Intersects(geom, ST_SetSRID(ST_MakePoint(106.688, 20.93), 4326))")]
    [InlineData("S_WITHIN(geometry, POLYGON((106 20, 107 20, 107 21, 106 21, 106 20)))", "ST_Within(geom, ST_MakeEnvelope(106, 20, 107, 21, 4326))")]
    [InlineData("T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2025-07-01', '..'))", "coalesce(valid_to, 'infinity') >= DATE '2025-07-01'")]
    [InlineData("T_AFTER(valid_from, DATE('2025-06-30'))", "valid_from > DATE '2025-06-30'")]
    public async Task Cql2_text_selects_what_the_database_says(string cql2, string sql)
    {
        var expected = await server.PublicIdsAsync("communes", sql);
        Assert.Equal(expected, await server.Client.AllIdsAsync("communes", "filter=" + Uri.EscapeDataString(cql2), limit: 200));
    }

    [Fact]
    public async Task Cql2_json_selects_the_same_as_text()
    {
        const string json = """
            {"op": "and", "args": [
              {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [106.5, 20.7, 106.9, 21.0]}]},
              {"op": "in", "args": [{"property": "kind"}, ["ward", "commune"]]}
            ]}
            """;
        var fromText = await server.Client.AllIdsAsync("communes", "filter=" + Uri.EscapeDataString("S_INTERSECTS(geometry, BBOX(106.5, 20.7, 106.9, 21.0)) AND kind IN ('ward', 'commune')"));
        Assert.NotEmpty(fromText);
        Assert.Equal(fromText, await server.Client.AllIdsAsync("communes", "filter-lang=cql2-json&filter=" + Uri.EscapeDataString(json)));
    }

    [Theory]
    [InlineData("Do Son")]
    [InlineData("DO SON")]
    [InlineData("đồ sơn")]
    [InlineData("Đo Sơn")]
    public async Task Vietnamese_names_match_without_diacritics_dd_included(string written)
    {
        var names = await server.ListAsync<string>("SELECT name FROM data.communes WHERE status = 'published' AND NOT restricted ORDER BY id");
        var expected = names.Where(n => TextFolding.Case(TextFolding.Accents(n)) == TextFolding.Case(TextFolding.Accents(written))).ToList();
        Assert.Equal(["Đồ Sơn"], expected);
        var page = await server.OgcJsonAsync("/collections/communes/items?filter=" + Uri.EscapeDataString($"CASEI(ACCENTI(name)) = CASEI(ACCENTI('{written}'))"));
        Assert.Equal(expected, page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()));
        // Accents alone: the case must still match.
        var accentOnly = await server.OgcJsonAsync("/collections/communes/items?filter=" + Uri.EscapeDataString("ACCENTI(name) LIKE ACCENTI('Dong Ha%')"));
        Assert.Contains(accentOnly.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "Đông Hải");
    }

    public static TheoryData<string> AgreementFilters() =>
    [
        "kind = 'ward' OR area_km2 < 15",
        "NOT (population > 1000)",
        "name LIKE '%n%' AND NOT name LIKE 'T%'",
        "CASEI(ACCENTI(name)) LIKE '%hai%'",
        "area_km2 BETWEEN 20 AND 40 OR code IN ('HP003', 'HP050')",
        "T_INTERSECTS(validity, INTERVAL('2025-01-01', '2025-12-31')) AND valid_to IS NULL",
        "T_BEFORE(valid_from, DATE('2025-07-02'))",
        "former_province <> 'hai_phong' AND NOT kind = 'ward'",
        "S_INTERSECTS(geometry, BBOX(106.6, 20.8, 106.8, 20.95))",
    ];

    [Theory]
    [MemberData(nameof(AgreementFilters))]
    public async Task The_sql_generator_and_the_in_memory_evaluator_agree(string cql2)
    {
        var all = await server.OgcJsonAsync("/collections/communes/items?limit=10000");
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(server.ConnectionString);
        var layer = (await new EnvGis.Data.Catalogue.CatalogueStore(dataSource).LoadAsync()).Find("communes")!;
        var types = PublicColumns.Of(layer).ToDictionary(c => c.Name, c => (AttributeType?)c.Type);
        var filter = new Cql2TextParser(new Cql2Geometries(CrsReference.Parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "filter-crs"))).Parse(cql2);
        var evaluator = new FilterEvaluator(name => types.GetValueOrDefault(name));
        var reader = new NetTopologySuite.IO.Converters.GeoJsonConverterFactory();
        var options = new JsonSerializerOptions { Converters = { reader } };
        var accepted = new List<long>();
        foreach (var feature in all.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry").Deserialize<NetTopologySuite.Geometries.Geometry>(options)!;
            geometry.SRID = 4326;
            object? Value(string name) => name is "geom" or "geometry" ? geometry
                : properties.TryGetProperty(name, out var v) ? v : null;
            if (evaluator.Accepts(filter, Value))
            {
                accepted.Add(feature.GetProperty("id").GetInt64());
            }
        }

        var selected = await server.Client.AllIdsAsync("communes", "filter=" + Uri.EscapeDataString(cql2), limit: 1000);
        Assert.Equal(selected, accepted);
    }

    [Fact]
    public async Task An_unknown_property_or_a_type_mismatch_names_the_filter()
    {
        foreach (var cql2 in new[] { "nothing = 1", "area_km2 = 'big'", "kind > 3" })
        {
            var (status, body, response) = await server.Client.OgcGetAsync("/collections/communes/items?filter=" + Uri.EscapeDataString(cql2));
            OgcApiTestSupport.AssertProblem(status, body, response, HttpStatusCode.BadRequest, "invalid-filter", "filter");
        }
    }
}
