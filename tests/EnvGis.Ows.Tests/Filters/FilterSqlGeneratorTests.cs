using EnvGis.Core.Filters;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Filters;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Tests.Filters;

/// <summary>FES through the shared filter tree and SQL generator (docs/filters.md).</summary>
public sealed class FilterSqlGeneratorTests
{
    private const string Fes = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";

    private static (string Sql, object?[] Values) Generate(string filterXml)
    {
        var node = new FesParser(CrsReference.Default).Parse(filterXml);
        var condition = FesSql.Generate(TestLayers.StationType, node);
        return (condition.Sql, condition.Parameters.Select(p => p.Value).ToArray());
    }

    [Theory]
    [InlineData("PropertyIsEqualTo", "=")]
    [InlineData("PropertyIsNotEqualTo", "<>")]
    [InlineData("PropertyIsLessThan", "<")]
    [InlineData("PropertyIsLessThanOrEqualTo", "<=")]
    [InlineData("PropertyIsGreaterThan", ">")]
    [InlineData("PropertyIsGreaterThanOrEqualTo", ">=")]
    public void Comparisons_become_one_operator_with_a_typed_parameter(string element, string op)
    {
        var (sql, values) = Generate($"<fes:Filter {Fes}><fes:{element}><fes:ValueReference>aqi</fes:ValueReference><fes:Literal>50</fes:Literal></fes:{element}></fes:Filter>");
        Assert.Equal($"r.\"aqi\" {op} @f0", sql);
        Assert.Equal([50L], values);
    }

    [Fact]
    public void Sql_in_literals_stays_a_parameter()
    {
        const string attack = "x'; DROP TABLE data.monitoring_stations; --";
        var (sql, values) = Generate($"<fes:Filter {Fes}><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference><fes:Literal>{attack}</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>");
        Assert.Equal("r.\"name\" = @f0", sql);
        Assert.Equal(attack, values[0]);
        Assert.DoesNotContain("DROP", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name\"; DROP TABLE x; --")]
    [InlineData("geom) OR (1=1")]
    [InlineData("id")]
    [InlineData("owner_unit")]
    [InlineData("restricted")]
    public void Property_names_not_in_the_catalogue_are_refused_with_a_locator(string name)
    {
        var e = Assert.Throws<OwsException>(() => Generate(
            $"<fes:Filter {Fes}><fes:PropertyIsEqualTo><fes:ValueReference>{System.Security.SecurityElement.Escape(name)}</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>"));
        Assert.Equal(OwsException.InvalidParameterValue, e.Code);
        Assert.Equal("filter", e.Locator);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public void Prefixed_and_xpath_names_resolve_to_the_catalogue_column()
    {
        var (sql, _) = Generate($"<fes:Filter {Fes}><fes:PropertyIsNull><fes:ValueReference>envgis:monitoring_stations/envgis:aqi</fes:ValueReference></fes:PropertyIsNull></fes:Filter>");
        Assert.Equal("r.\"aqi\" IS NULL", sql);
    }

    [Fact]
    public void Like_translates_wildcards_and_escapes_sql_wildcards()
    {
        var (sql, values) = Generate($"<fes:Filter {Fes}><fes:PropertyIsLike wildCard=\"*\" singleChar=\"?\" escapeChar=\"!\" matchCase=\"false\"><fes:ValueReference>name</fes:ValueReference><fes:Literal>Tr*m?100%_!*</fes:Literal></fes:PropertyIsLike></fes:Filter>");
        Assert.Equal("lower(r.\"name\") LIKE lower(@f0) ESCAPE '\\'", sql);
        Assert.Equal("Tr%m_100\\%\\_*", values[0]);
    }

    [Fact]
    public void Between_logical_operators_and_case_insensitive_equality()
    {
        var (sql, values) = Generate($"""
            <fes:Filter {Fes}><fes:Or>
              <fes:And>
                <fes:PropertyIsBetween><fes:ValueReference>area_ha</fes:ValueReference>
                  <fes:LowerBoundary><fes:Literal>1.5</fes:Literal></fes:LowerBoundary>
                  <fes:UpperBoundary><fes:Literal>10</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>
                <fes:Not><fes:PropertyIsNull><fes:ValueReference>aqi</fes:ValueReference></fes:PropertyIsNull></fes:Not>
              </fes:And>
              <fes:PropertyIsEqualTo matchCase="false"><fes:ValueReference>name</fes:ValueReference><fes:Literal>ABC</fes:Literal></fes:PropertyIsEqualTo>
            </fes:Or></fes:Filter>
            """);
        Assert.Equal("((((r.\"area_ha\" BETWEEN @f0 AND @f1) AND (NOT (r.\"aqi\" IS NULL)))) OR (lower(r.\"name\") = lower(@f2)))", sql);
        Assert.Equal([1.5, 10.0, "ABC"], values);
    }

    [Fact]
    public void Literals_are_typed_from_the_property_and_bad_values_refused()
    {
        Assert.Equal([true], Generate($"<fes:Filter {Fes}><fes:PropertyIsEqualTo><fes:ValueReference>automatic</fes:ValueReference><fes:Literal>true</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>").Values);
        Assert.Equal([new DateOnly(2024, 5, 1)], Generate($"<fes:Filter {Fes}><fes:PropertyIsEqualTo><fes:ValueReference>observed_on</fes:ValueReference><fes:Literal>2024-05-01</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>").Values);
        var e = Assert.Throws<OwsException>(() => Generate($"<fes:Filter {Fes}><fes:PropertyIsEqualTo><fes:ValueReference>aqi</fes:ValueReference><fes:Literal>1 OR 1=1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>"));
        Assert.Equal("filter", e.Locator);
    }

    [Fact]
    public void Bbox_in_urn_crs_is_read_lat_lon_and_becomes_a_geometry_parameter()
    {
        var node = new FesParser(CrsReference.Default).Parse($"<fes:Filter {Fes}><fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:lowerCorner>20.5 106.1</gml:lowerCorner><gml:upperCorner>21 107</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>");
        var condition = FesSql.Generate(TestLayers.StationType, node);
        Assert.Equal("(r.\"geom\" && @f0 AND ST_Intersects(r.\"geom\", @f0))", condition.Sql);
        var envelope = ((Geometry)condition.Parameters[0].Value!).EnvelopeInternal;
        Assert.Equal((106.1, 20.5, 107.0, 21.0), (envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY));
    }

    [Theory]
    [InlineData("Intersects", "ST_Intersects")]
    [InlineData("Within", "ST_Within")]
    [InlineData("Contains", "ST_Contains")]
    [InlineData("Disjoint", "ST_Disjoint")]
    [InlineData("Touches", "ST_Touches")]
    [InlineData("Overlaps", "ST_Overlaps")]
    [InlineData("Crosses", "ST_Crosses")]
    [InlineData("Equals", "ST_Equals")]
    public void Spatial_operators_map_to_postgis(string element, string function)
    {
        var (sql, _) = Generate($"<fes:Filter {Fes}><fes:{element}><fes:ValueReference>geom</fes:ValueReference><gml:Polygon srsName=\"EPSG:9210\"><gml:exterior><gml:LinearRing><gml:posList>590000 2300000 600000 2300000 600000 2310000 590000 2300000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></fes:{element}></fes:Filter>");
        Assert.Equal($"{function}(r.\"geom\", ST_Transform(@f0, 4326))", sql);
    }

    [Fact]
    public void Distance_operators_convert_units_to_metres_on_the_geography()
    {
        var (sql, values) = Generate($"<fes:Filter {Fes}><fes:Beyond><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName=\"EPSG:4326\"><gml:pos>106.7 20.85</gml:pos></gml:Point><fes:Distance uom=\"km\">2.5</fes:Distance></fes:Beyond></fes:Filter>");
        Assert.Equal("NOT ST_DWithin(r.\"geom\"::geography, (@f0)::geography, @f1)", sql);
        Assert.Equal(2500.0, values[1]);
        var point = (Point)values[0]!;
        Assert.Equal((106.7, 20.85), (point.X, point.Y));
        Assert.Throws<OwsException>(() => Generate($"<fes:Filter {Fes}><fes:DWithin><fes:ValueReference>geom</fes:ValueReference><gml:Point><gml:pos>20 106</gml:pos></gml:Point><fes:Distance uom=\"furlong\">1</fes:Distance></fes:DWithin></fes:Filter>"));
    }

    [Fact]
    public void Resource_ids_of_this_layer_become_an_array_parameter_others_select_nothing()
    {
        var (sql, values) = Generate($"<fes:Filter {Fes}><fes:ResourceId rid=\"monitoring_stations.3\"/><fes:ResourceId rid=\"monitoring_stations.7\"/><fes:ResourceId rid=\"rivers.1\"/></fes:Filter>");
        Assert.Equal("r.\"id\" = ANY(@f0)", sql);
        Assert.Equal(new long[] { 3, 7 }, values[0]);
        Assert.Equal("FALSE", Generate($"<fes:Filter {Fes}><fes:ResourceId rid=\"monitoring_stations.1; DROP\"/></fes:Filter>").Sql);
    }

    [Fact]
    public void Temporal_operators_work_on_dates_and_on_the_validity_period()
    {
        var during = Generate($"<fes:Filter {Fes}><fes:During><fes:ValueReference>validity</fes:ValueReference><gml:TimePeriod gml:id=\"p\"><gml:beginPosition>2020-01-01</gml:beginPosition><gml:endPosition>2030-12-31</gml:endPosition></gml:TimePeriod></fes:During></fes:Filter>");
        Assert.Equal("(coalesce(r.\"valid_from\", '-infinity'::date) >= @f0 AND coalesce(r.\"valid_to\", 'infinity'::date) <= @f1)", during.Sql);
        Assert.Equal([new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31)], during.Values);

        // A UTC instant compared with a date is the Việt Nam day it falls on (docs/filters.md).
        var after = Generate($"<fes:Filter {Fes}><fes:After><fes:ValueReference>valid_from</fes:ValueReference><gml:TimeInstant gml:id=\"t\"><gml:timePosition>2021-06-01T20:00:00Z</gml:timePosition></gml:TimeInstant></fes:After></fes:Filter>");
        Assert.Equal("(r.\"valid_from\" > @f0)", after.Sql);
        Assert.Equal(new DateOnly(2021, 6, 2), after.Values[0]);
        var before = Generate($"<fes:Filter {Fes}><fes:Before><fes:ValueReference>measured_at</fes:ValueReference><gml:TimeInstant gml:id=\"t\"><gml:timePosition>2021-06-01</gml:timePosition></gml:TimeInstant></fes:Before></fes:Filter>");
        Assert.Equal("((r.\"measured_at\" AT TIME ZONE INTERVAL '+07:00')::date < @f0)", before.Sql);

        // Two instants compare as instants; a date-time without a zone is Việt Nam time.
        var instants = Generate($"<fes:Filter {Fes}><fes:After><fes:ValueReference>measured_at</fes:ValueReference><gml:TimeInstant gml:id=\"t\"><gml:timePosition>2021-06-01T08:00:00</gml:timePosition></gml:TimeInstant></fes:After></fes:Filter>");
        Assert.Equal("(r.\"measured_at\" > @f0)", instants.Sql);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 1, 0, 0, TimeSpan.Zero), instants.Values[0]);
        Assert.Throws<OwsException>(() => Generate($"<fes:Filter {Fes}><fes:Before><fes:ValueReference>name</fes:ValueReference><gml:TimeInstant gml:id=\"t\"><gml:timePosition>2021-06-01</gml:timePosition></gml:TimeInstant></fes:Before></fes:Filter>"));
    }

    [Fact]
    public void Filter_11_with_ogc_namespace_and_gml_31_is_understood()
    {
        var node = new FesParser(CrsReference.Default).Parse("""
            <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml">
              <ogc:And>
                <ogc:PropertyIsLike wildCard="%" singleChar="_" escape="\"><ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>Tr%</ogc:Literal></ogc:PropertyIsLike>
                <ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Box srsName="EPSG:4326"><gml:coordinates>106,20 107,21</gml:coordinates></gml:Box></ogc:BBOX>
              </ogc:And>
            </ogc:Filter>
            """);
        var condition = FesSql.Generate(TestLayers.StationType, node);
        Assert.Contains("LIKE @f0", condition.Sql, StringComparison.Ordinal);
        var box = ((Geometry)condition.Parameters[1].Value!).EnvelopeInternal;
        Assert.Equal((106.0, 20.0), (box.MinX, box.MinY));
        Assert.Equal("r.\"id\" = ANY(@f0)", FesSql.Generate(TestLayers.StationType,
            new FesParser(CrsReference.Default).Parse("<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\"><ogc:GmlObjectId gml:id=\"monitoring_stations.4\"/><ogc:FeatureId fid=\"monitoring_stations.5\"/></ogc:Filter>")).Sql);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        string Nested(int depth) => $"<fes:Filter {Fes}>" + string.Concat(Enumerable.Repeat("<fes:Not>", depth))
            + "<fes:PropertyIsNull><fes:ValueReference>aqi</fes:ValueReference></fes:PropertyIsNull>"
            + string.Concat(Enumerable.Repeat("</fes:Not>", depth)) + "</fes:Filter>";
        Assert.StartsWith("NOT", Generate(Nested(40)).Sql, StringComparison.Ordinal);
        var tooDeep = Assert.Throws<OwsException>(() => Generate(Nested(60)));
        Assert.Equal("filter", tooDeep.Locator);
        var hostile = Assert.Throws<OwsException>(() => Generate(Nested(10_000)));
        Assert.Equal(OwsException.OperationParsingFailed, hostile.Code);
    }

    [Fact]
    public void Invalid_geometries_are_refused_before_sql()
    {
        var e = Assert.Throws<OwsException>(() => Generate($"<fes:Filter {Fes}><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Polygon srsName=\"EPSG:4326\"><gml:exterior><gml:LinearRing><gml:posList>0 0 10 10 10 0 0 10 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></fes:Intersects></fes:Filter>"));
        Assert.Contains("not a valid geometry", e.Message, StringComparison.Ordinal);
        Assert.Throws<OwsException>(() => Generate($"<fes:Filter {Fes}><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:LineString srsName=\"EPSG:4326\"><gml:posList>0 0 NaN 1</gml:posList></gml:LineString></fes:Intersects></fes:Filter>"));
        Assert.Throws<OwsException>(() => Generate($"<fes:Filter {Fes}><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Polygon srsName=\"EPSG:4326\"><gml:exterior><gml:LinearRing><gml:posList>0 0 1 1 0 1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></fes:Intersects></fes:Filter>"));
        Assert.Throws<OwsException>(() => Generate($"<fes:Filter {Fes}><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName=\"EPSG:31370\"><gml:pos>0 0</gml:pos></gml:Point></fes:Intersects></fes:Filter>"));
    }
}
