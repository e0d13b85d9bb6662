using EnvGis.Core.Filters;
using EnvGis.Data.Filters;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Filters.Cql2;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Tests.Filters;

/// <summary>CQL2 text and JSON through the shared SQL generator, and what they refuse.</summary>
public sealed class Cql2SqlTests
{
    private static (string Sql, object?[] Values) Text(string cql2, string crs = "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
    {
        var node = new Cql2TextParser(new Cql2Geometries(CrsReference.Parse(crs, "filter-crs"))).Parse(cql2);
        var condition = FilterSql.Generate(TestLayers.Stations, node);
        return (condition.Sql, condition.Parameters.Select(p => p.Value).ToArray());
    }

    private static FilterException Refused(string cql2) => Assert.Throws<FilterException>(() => Text(cql2));

    [Fact]
    public void Comparisons_are_typed_and_every_value_is_a_parameter()
    {
        var (sql, values) = Text("aqi >= 50 AND name = 'Trạm ''Đồ Sơn''' AND automatic = TRUE");
        Assert.Equal("((r.\"aqi\" >= @f0) AND (r.\"name\" = @f1) AND (r.\"automatic\" = @f2))", sql);
        Assert.Equal([50.0, "Trạm 'Đồ Sơn'", true], values);
    }

    [Fact]
    public void Accent_and_case_insensitive_comparison_fold_both_sides()
    {
        var (sql, values) = Text("CASEI(ACCENTI(name)) = CASEI(ACCENTI('TRAM DO SON'))");
        Assert.Equal("lower(envgis.accent_fold(r.\"name\")) = lower(envgis.accent_fold(@f0))", sql);
        Assert.Equal(["TRAM DO SON"], values);
        var (like, _) = Text("ACCENTI(name) LIKE ACCENTI('Đồ%')");
        Assert.Equal("envgis.accent_fold(r.\"name\") LIKE envgis.accent_fold(@f0) ESCAPE '\\'", like);
    }

    [Fact]
    public void In_between_and_null_predicates()
    {
        Assert.Equal("r.\"aqi\" IN (@f0, @f1, @f2)", Text("aqi IN (1, 2, 3)").Sql);
        Assert.Equal("NOT (r.\"name\" IN (@f0, @f1))", Text("name NOT IN ('a', 'b')").Sql);
        Assert.Equal("r.\"area_ha\" BETWEEN @f0 AND @f1", Text("area_ha BETWEEN 1.5 AND 10").Sql);
        Assert.Equal("NOT (r.\"aqi\" IS NULL)", Text("aqi IS NOT NULL").Sql);
        Assert.Equal("r.\"geom\" IS NULL", Text("geometry IS NULL").Sql);
    }

    [Fact]
    public void Spatial_functions_with_the_literal_first_are_mirrored()
    {
        var (sql, values) = Text("S_WITHIN(POLYGON((106 20, 107 20, 107 21, 106 20)), geometry)");
        Assert.Equal("ST_Contains(r.\"geom\", @f0)", sql);
        Assert.Equal(4326, ((Geometry)values[0]!).SRID);
        Assert.Equal("ST_Intersects(r.\"geom\", @f0)", Text("S_INTERSECTS(geom, BBOX(106, 20, 107, 21))").Sql);
    }

    [Fact]
    public void Filter_crs_decides_the_axis_order_and_the_srid()
    {
        var latLon = (Geometry)Text("S_INTERSECTS(geometry, POINT(20.8 106.7))", "http://www.opengis.net/def/crs/EPSG/0/4326").Values[0]!;
        Assert.Equal((106.7, 20.8), (latLon.Coordinate.X, latLon.Coordinate.Y));
        var (sql, values) = Text("S_INTERSECTS(geometry, POINT(590000 2300000))", "http://www.opengis.net/def/crs/EPSG/0/9210");
        Assert.Equal("ST_Intersects(r.\"geom\", ST_Transform(@f0, 4326))", sql);
        Assert.Equal(9210, ((Geometry)values[0]!).SRID);
    }

    [Fact]
    public void Temporal_functions_on_the_validity_period_use_local_days_and_open_bounds()
    {
        var (sql, values) = Text("T_INTERSECTS(validity, INTERVAL('2024-01-01', '..'))");
        Assert.Equal("(coalesce(r.\"valid_from\", '-infinity'::date) <= 'infinity'::date AND coalesce(r.\"valid_to\", 'infinity'::date) >= @f0)", sql);
        Assert.Equal([new DateOnly(2024, 1, 1)], values);
        // INTERVAL(valid_from, valid_to) is the same period, its null ends open.
        Assert.Equal(sql, Text("T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2024-01-01', '..'))").Sql);
        // 2024-12-31T20:00:00Z is already 1 January 2025 in Việt Nam.
        Assert.Equal([new DateOnly(2025, 1, 1)], Text("T_AFTER(observed_on, TIMESTAMP('2024-12-31T20:00:00Z'))").Values);
        Assert.Equal("(r.\"measured_at\" < @f0)", Text("T_BEFORE(measured_at, TIMESTAMP('2024-12-31T20:00:00Z'))").Sql);
    }

    [Theory]
    [InlineData("T_DURING(observed_on, INTERVAL('2024-01-01', '2024-12-31'))")]
    [InlineData("T_MEETS(validity, DATE('2024-01-01'))")]
    public void Interval_only_relations_refuse_instants(string cql2) =>
        Assert.Contains("between intervals", Refused(cql2).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("no_such_property = 1", "no property")]
    [InlineData("aqi = 'fifty'", "cannot be compared")]
    [InlineData("name > 5", "cannot be compared")]
    [InlineData("automatic = 1", "cannot be compared")]
    [InlineData("observed_on = TRUE", "cannot be compared")]
    [InlineData("CASEI(aqi) = CASEI('x')", "cannot be compared")]
    [InlineData("geometry = 5", "geometry")]
    [InlineData("validity = DATE('2024-01-01')", "validity period")]
    [InlineData("S_INTERSECTS(name, POINT(1 2))", "not the geometry")]
    [InlineData("T_AFTER(name, DATE('2024-01-01'))", "date or datetime")]
    public void Mistakes_against_the_layer_are_client_errors(string cql2, string message) =>
        Assert.Contains(message, Refused(cql2).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("Foo(name) = 1")]
    [InlineData("aqi + 1 > 5")]
    [InlineData("aqi > (area_ha * 2)")]
    [InlineData("A_CONTAINS(tags, ('a'))")]
    public void Functions_arithmetic_and_arrays_are_not_supported(string cql2) =>
        Assert.Equal(FilterException.NotSupportedCode, Refused(cql2).Code);

    [Theory]
    [InlineData("aqi = ")]
    [InlineData("aqi = 1 AND")]
    [InlineData("(aqi = 1")]
    [InlineData("name = 'unterminated")]
    [InlineData("aqi == 1")]
    [InlineData("aqi = 1e400")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((0 0, 10 10, 10 0, 0 10, 0 0)))")]
    [InlineData("S_INTERSECTS(geometry, POINT(1 2)")]
    [InlineData("T_AFTER(validity, DATE('2024-02-30'))")]
    [InlineData("T_AFTER(validity, TIMESTAMP('9999-12-31T23:30:00-05:00'))")]
    [InlineData("\"\" = 1")]
    [InlineData("AND = 1")]
    public void Bad_text_is_a_clear_client_error(string cql2)
    {
        var error = Refused(cql2);
        Assert.Equal(FilterException.InvalidCode, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Deep_nesting_many_predicates_and_huge_literals_are_bounded()
    {
        Assert.Contains("nested", Refused(new string('(', 200) + "aqi = 1" + new string(')', 200)).Message, StringComparison.Ordinal);
        Assert.Contains("nested", Refused(string.Concat(Enumerable.Repeat("NOT ", 200)) + "aqi = 1").Message, StringComparison.Ordinal);
        Assert.Contains("predicates", Refused(string.Join(" OR ", Enumerable.Repeat("aqi = 1", 600))).Message, StringComparison.Ordinal);
        Assert.Contains("at most", Refused($"name = '{new string('x', 5000)}'").Message, StringComparison.Ordinal);
        Assert.Contains("IN list", Refused($"aqi IN ({string.Join(",", Enumerable.Range(0, 1500))})").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Like_patterns_that_backtrack_are_bounded()
    {
        var slow = "'" + string.Concat(Enumerable.Repeat("%a", 30)) + "b'";
        Assert.Contains("wildcards", Refused($"name LIKE {slow}").Message, StringComparison.Ordinal);
        Assert.Equal("r.\"name\" LIKE @f0 ESCAPE '\\'", Text("name LIKE '%Cát Bà%'").Sql);
        // A trailing backslash is a literal backslash, not an unfinished escape.
        var node = new Cql2JsonParser(new Cql2Geometries(CrsReference.Default)).Parse("""{"op": "like", "args": [{"property": "name"}, "C:\\"]}""");
        Assert.Equal("C:\\\\", FilterSql.Generate(TestLayers.Stations, node).Parameters[0].Value);
    }

    [Fact]
    public void Json_and_text_agree_on_a_filter_with_every_kind_of_predicate()
    {
        var text = "name LIKE 'Tr%' AND aqi IN (1, 2) AND NOT automatic = TRUE AND S_INTERSECTS(geometry, BBOX(106, 20, 107, 21)) AND T_INTERSECTS(validity, INTERVAL('2024-01-01', '..'))";
        var json = """
            {"op": "and", "args": [
              {"op": "like", "args": [{"property": "name"}, "Tr%"]},
              {"op": "in", "args": [{"property": "aqi"}, [1, 2]]},
              {"op": "not", "args": [{"op": "=", "args": [{"property": "automatic"}, true]}]},
              {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [106, 20, 107, 21]}]},
              {"op": "t_intersects", "args": [{"property": "validity"}, {"interval": ["2024-01-01", ".."]}]}
            ]}
            """;
        var crs84 = CrsReference.Parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "filter-crs");
        Assert.Equal(new Cql2TextParser(new Cql2Geometries(crs84)).Parse(text), new Cql2JsonParser(new Cql2Geometries(crs84)).Parse(json));
    }

    [Theory]
    [InlineData("{\"op\": \"=\", \"args\": [{\"property\": \"aqi\"}]}")]
    [InlineData("{\"op\": \"between\", \"args\": [{\"property\": \"aqi\"}, 1]}")]
    [InlineData("{\"args\": []}")]
    [InlineData("[1, 2]")]
    [InlineData("{\"op\": \"=\", \"args\": [{\"property\": \"aqi\"}, null]}")]
    [InlineData("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Point\", \"coordinates\": [1]}]}")]
    [InlineData("not json")]
    public void Bad_json_is_a_clear_client_error(string json) =>
        Assert.Throws<FilterException>(() => new Cql2JsonParser(new Cql2Geometries(CrsReference.Default)).Parse(json));
}
