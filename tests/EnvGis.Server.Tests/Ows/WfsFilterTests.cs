using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Ows;

/// <summary>Every filter operator end to end: the number of matches equals the same condition in SQL.</summary>
[Collection("server")]
public sealed class WfsFilterTests(ServerFixture server)
{
    private const string Ns = "xmlns=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
    private const string Area = "<gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:exterior><gml:LinearRing><gml:posList>20.7 106.5 20.7 106.9 21.0 106.9 21.0 106.5 20.7 106.5</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
    private const string AreaSql = "ST_GeomFromText('POLYGON((106.5 20.7, 106.9 20.7, 106.9 21.0, 106.5 21.0, 106.5 20.7))', 4326)";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "communes", "<PropertyIsEqualTo><ValueReference>kind</ValueReference><Literal>ward</Literal></PropertyIsEqualTo>", "kind = 'ward'" },
        { "communes", "<PropertyIsNotEqualTo><ValueReference>kind</ValueReference><Literal>ward</Literal></PropertyIsNotEqualTo>", "kind <> 'ward'" },
        { "communes", "<PropertyIsLessThan><ValueReference>population</ValueReference><Literal>30000</Literal></PropertyIsLessThan>", "population < 30000" },
        { "communes", "<PropertyIsLessThanOrEqualTo><ValueReference>area_km2</ValueReference><Literal>20.5</Literal></PropertyIsLessThanOrEqualTo>", "area_km2 <= 20.5" },
        { "communes", "<PropertyIsGreaterThan><ValueReference>envgis:population</ValueReference><Literal>30000</Literal></PropertyIsGreaterThan>", "population > 30000" },
        { "communes", "<PropertyIsGreaterThanOrEqualTo><ValueReference>area_km2</ValueReference><Literal>20.5</Literal></PropertyIsGreaterThanOrEqualTo>", "area_km2 >= 20.5" },
        { "communes", "<PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><ValueReference>name</ValueReference><Literal>*An*</Literal></PropertyIsLike>", "name LIKE '%An%'" },
        { "communes", "<PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\" matchCase=\"false\"><ValueReference>name</ValueReference><Literal>ph..ng*</Literal></PropertyIsLike>", "name ILIKE 'ph__ng%'" },
        { "communes", "<PropertyIsNull><ValueReference>population</ValueReference></PropertyIsNull>", "population IS NULL" },
        { "communes", "<PropertyIsNil><ValueReference>former_province</ValueReference></PropertyIsNil>", "former_province IS NULL" },
        { "communes", "<PropertyIsBetween><ValueReference>population</ValueReference><LowerBoundary><Literal>10000</Literal></LowerBoundary><UpperBoundary><Literal>40000</Literal></UpperBoundary></PropertyIsBetween>", "population BETWEEN 10000 AND 40000" },
        { "communes", "<And><PropertyIsEqualTo><ValueReference>kind</ValueReference><Literal>commune</Literal></PropertyIsEqualTo><PropertyIsGreaterThan><ValueReference>area_km2</ValueReference><Literal>10</Literal></PropertyIsGreaterThan></And>", "kind = 'commune' AND area_km2 > 10" },
        { "communes", "<Or><PropertyIsEqualTo><ValueReference>kind</ValueReference><Literal>special_zone</Literal></PropertyIsEqualTo><PropertyIsLessThan><ValueReference>area_km2</ValueReference><Literal>5</Literal></PropertyIsLessThan></Or>", "kind = 'special_zone' OR area_km2 < 5" },
        { "communes", "<Not><PropertyIsEqualTo><ValueReference>kind</ValueReference><Literal>ward</Literal></PropertyIsEqualTo></Not>", "NOT (kind = 'ward')" },
        { "monitoring_stations", "<PropertyIsEqualTo><ValueReference>automatic</ValueReference><Literal>true</Literal></PropertyIsEqualTo>", "automatic" },
        { "monitoring_stations", "<PropertyIsGreaterThan><ValueReference>measured_at</ValueReference><Literal>2025-01-01T00:00:00Z</Literal></PropertyIsGreaterThan>", "measured_at > '2025-01-01T00:00:00Z'" },
        { "communes", $"<BBOX><ValueReference>geom</ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:lowerCorner>20.7 106.5</gml:lowerCorner><gml:upperCorner>21.0 106.9</gml:upperCorner></gml:Envelope></BBOX>", $"ST_Intersects(geom, {AreaSql})" },
        { "communes", $"<BBOX><gml:Envelope srsName=\"EPSG:3405\"><gml:lowerCorner>552000 2290000</gml:lowerCorner><gml:upperCorner>594000 2323000</gml:upperCorner></gml:Envelope></BBOX>", "ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(552000, 2290000, 594000, 2323000, 3405), 4326))" },
        { "communes", $"<Intersects><ValueReference>geom</ValueReference>{Area}</Intersects>", $"ST_Intersects(geom, {AreaSql})" },
        { "communes", $"<Within><ValueReference>geom</ValueReference>{Area}</Within>", $"ST_Within(geom, {AreaSql})" },
        { "communes", $"<Disjoint><ValueReference>geom</ValueReference>{Area}</Disjoint>", $"ST_Disjoint(geom, {AreaSql})" },
        { "communes", $"<Overlaps><ValueReference>geom</ValueReference>{Area}</Overlaps>", $"ST_Overlaps(geom, {AreaSql})" },
        { "communes", "<Contains><ValueReference>geom</ValueReference><gml:Point srsName=\"EPSG:4326\"><gml:pos>106.68 20.86</gml:pos></gml:Point></Contains>", "ST_Contains(geom, ST_SetSRID(ST_MakePoint(106.68, 20.86), 4326))" },
        { "communes", "<Touches><ValueReference>geom</ValueReference><gml:Point srsName=\"EPSG:4326\"><gml:pos>106.68 20.86</gml:pos></gml:Point></Touches>", "ST_Touches(geom, ST_SetSRID(ST_MakePoint(106.68, 20.86), 4326))" },
        { "rivers", "<Crosses><ValueReference>geom</ValueReference><gml:LineString srsName=\"EPSG:4326\"><gml:posList>106.3 20.6 106.9 21.1</gml:posList></gml:LineString></Crosses>", "ST_Crosses(geom, ST_GeomFromText('LINESTRING(106.3 20.6, 106.9 21.1)', 4326))" },
        { "monitoring_stations", "<Equals><ValueReference>geom</ValueReference><gml:Point srsName=\"EPSG:4326\"><gml:pos>106.325 20.945</gml:pos></gml:Point></Equals>", "ST_Equals(geom, ST_SetSRID(ST_MakePoint(106.325, 20.945), 4326))" },
        { "monitoring_stations", "<DWithin><ValueReference>geom</ValueReference><gml:Point srsName=\"EPSG:4326\"><gml:pos>106.68 20.86</gml:pos></gml:Point><Distance uom=\"km\">15</Distance></DWithin>", "ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(106.68, 20.86), 4326)::geography, 15000)" },
        { "monitoring_stations", "<Beyond><ValueReference>geom</ValueReference><gml:Point srsName=\"EPSG:4326\"><gml:pos>106.68 20.86</gml:pos></gml:Point><Distance uom=\"m\">15000</Distance></Beyond>", "NOT ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(106.68, 20.86), 4326)::geography, 15000)" },
        { "communes", "<During><ValueReference>valid_from</ValueReference><gml:TimePeriod gml:id=\"p\"><gml:beginPosition>2025-01-01</gml:beginPosition><gml:endPosition>2025-12-31</gml:endPosition></gml:TimePeriod></During>", "valid_from BETWEEN '2025-01-01' AND '2025-12-31'" },
        { "communes", "<After><ValueReference>valid_from</ValueReference><gml:TimeInstant gml:id=\"t\"><gml:timePosition>2025-06-30</gml:timePosition></gml:TimeInstant></After>", "valid_from > '2025-06-30'" },
        { "communes", "<Before><ValueReference>validity</ValueReference><gml:TimeInstant gml:id=\"t\"><gml:timePosition>2030-01-01</gml:timePosition></gml:TimeInstant></Before>", "valid_to < '2030-01-01'" },
        { "communes", "<During><ValueReference>validity</ValueReference><gml:TimePeriod gml:id=\"p\"><gml:beginPosition>2000-01-01</gml:beginPosition><gml:endPosition>2100-01-01</gml:endPosition></gml:TimePeriod></During>", "valid_from >= '2000-01-01' AND valid_to <= '2100-01-01'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operator_matches_the_same_condition_in_sql(string layer, string filter, string sql)
    {
        var query = $"service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:{layer}&resultType=hits&filter="
            + Uri.EscapeDataString($"<Filter {Ns}>{filter}</Filter>");
        var hits = XElement.Parse(await server.GetOkAsync(query));
        Assert.Equal((await server.PublicCountAsync(layer, sql)).ToString(), hits.Attribute("numberMatched")!.Value);
    }

    [Fact]
    public async Task At_least_some_filters_select_a_strict_non_empty_subset()
    {
        // Guards the theory above against vacuous truths (every count 0 or everything).
        var total = await server.PublicCountAsync("communes");
        var wards = await server.PublicCountAsync("communes", "kind = 'ward'");
        var inArea = await server.PublicCountAsync("communes", $"ST_Intersects(geom, {AreaSql})");
        Assert.InRange(wards, 1, total - 1);
        Assert.InRange(inArea, 1, total - 1);
    }

    [Fact]
    public async Task Filter_11_in_wfs_11_and_kvp_bbox_select_the_same_subset()
    {
        var filter = "<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\"><ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName>"
            + "<gml:Envelope srsName=\"EPSG:4326\"><gml:lowerCorner>106.5 20.7</gml:lowerCorner><gml:upperCorner>106.9 21.0</gml:upperCorner></gml:Envelope></ogc:BBOX></ogc:Filter>";
        var v11 = XElement.Parse(await server.GetOkAsync($"service=WFS&version=1.1.0&request=GetFeature&typeName=envgis:communes&resultType=hits&filter={Uri.EscapeDataString(filter)}"));
        var kvp = XElement.Parse(await server.GetOkAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:communes&resultType=hits&bbox=20.7,106.5,21.0,106.9"));
        var expected = (await server.PublicCountAsync("communes", $"ST_Intersects(geom, {AreaSql})")).ToString();
        Assert.Equal(expected, v11.Attribute("numberOfFeatures")!.Value);
        Assert.Equal(expected, kvp.Attribute("numberMatched")!.Value);
    }
}
