using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Hostile.Hostile;
using static EnvGis.Server.Tests.WfsTransaction.Transactions;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>
/// WFS-T by an editor who may write the layer, with hostile content: every transaction is refused whole
/// with an exception report (4xx), nothing is stored, and the layer stays readable by GML clients.
/// </summary>
[Collection("server")]
public sealed class WfsTransactionHostileTests(ServerFixture server)
{
    private const string Layer = "environmental_incidents";
    private const string Unit = "so-khcn";
    private const string Gml = "http://www.opengis.net/gml/3.2";

    public static TheoryData<string> Transactions => new()
    {
        "multipoint with a line member",
        "control character U+0085 in a text",
        "lone surrogate reference",
        "unknown property",
        "status set by hand",
        "unknown feature type",
        "self-intersecting polygon",
        "coordinates 1e400",
        "NaN coordinate",
        "latitude 1000",
        "date overflow",
        "number overflow",
        "1001 actions",
        "delete with an impossible filter",
        "update of an unknown id",
        "replace without geometry",
        "sql in a value reference",
        "truncated xml",
        "external entity",
    };

    [Theory]
    [MemberData(nameof(Transactions))]
    public async Task Hostile_transactions_change_nothing(string what)
    {
        await server.SetScopeAsync(Unit, [Layer], wholeCity: true);
        var editor = await server.CreateUserAsync(Unit, "editor");
        using var client = editor.Client(server);
        var at = await server.InsideAsync("HP010");
        var before = await server.FingerprintAsync();

        var document = Document("2.0.0", what switch
        {
            "multipoint with a line member" => Insert("2.0.0", Feature(
                $"<gml:MultiPoint srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pointMember><gml:LineString><gml:posList>{at.Lat} {at.Lon} {at.Lat + 0.001} {at.Lon}</gml:posList></gml:LineString></gml:pointMember></gml:MultiPoint>")),
            "control character U+0085 in a text" => Insert("2.0.0", Incident("2.0.0", at.Lon, at.Lat, "Cá chết\u0085hàng loạt")),
            "lone surrogate reference" => Insert("2.0.0", Incident("2.0.0", at.Lon, at.Lat, "x").Replace(">x<", ">&#xD800;<", StringComparison.Ordinal)),
            "unknown property" => Insert("2.0.0", Incident("2.0.0", at.Lon, at.Lat, "x").Replace("</envgis:environmental_incidents>", "<envgis:password>1</envgis:password></envgis:environmental_incidents>", StringComparison.Ordinal)),
            "status set by hand" => Insert("2.0.0", Incident("2.0.0", at.Lon, at.Lat, "x").Replace("</envgis:environmental_incidents>", "<envgis:status>published</envgis:status></envgis:environmental_incidents>", StringComparison.Ordinal)),
            "unknown feature type" => "<wfs:Insert><envgis:no_such_layer><envgis:name>x</envgis:name></envgis:no_such_layer></wfs:Insert>",
            "self-intersecting polygon" => Insert("2.0.0", Feature(
                $"<gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:exterior><gml:LinearRing><gml:posList>{at.Lat} {at.Lon} {at.Lat + 0.01} {at.Lon + 0.01} {at.Lat} {at.Lon + 0.01} {at.Lat + 0.01} {at.Lon} {at.Lat} {at.Lon}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>")),
            "coordinates 1e400" => Insert("2.0.0", Feature("<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>1e400 106</gml:pos></gml:Point>")),
            "NaN coordinate" => Insert("2.0.0", Feature("<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>NaN 106</gml:pos></gml:Point>")),
            "latitude 1000" => Insert("2.0.0", Feature("<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>1000 106</gml:pos></gml:Point>")),
            "date overflow" => Insert("2.0.0", Incident("2.0.0", at.Lon, at.Lat, "x", date: "99999-12-31")),
            "number overflow" => Insert("2.0.0", Incident("2.0.0", at.Lon, at.Lat, "x").Replace("</envgis:environmental_incidents>", "<envgis:valid_from>0000-00-00</envgis:valid_from></envgis:environmental_incidents>", StringComparison.Ordinal)),
            "1001 actions" => string.Concat(Enumerable.Repeat(Delete("2.0.0", $"envgis:{Layer}", IdFilter("2.0.0", $"{Layer}.999999999")), 1001)),
            "delete with an impossible filter" => Delete("2.0.0", $"envgis:{Layer}",
                $"<fes:Filter><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName=\"EPSG:4326\"><gml:pos>1e400 1e308</gml:pos></gml:Point></fes:Intersects></fes:Filter>"),
            "update of an unknown id" => Update("2.0.0", $"envgis:{Layer}", [("name", "y")], IdFilter("2.0.0", $"{Layer}.99999999999")),
            "replace without geometry" => $"<wfs:Replace><envgis:{Layer}><envgis:name>x</envgis:name></envgis:{Layer}>{IdFilter("2.0.0", $"{Layer}.1")}</wfs:Replace>",
            "sql in a value reference" => Update("2.0.0", $"envgis:{Layer}", [("name\"; DELETE FROM data.environmental_incidents; --", "y")], IdFilter("2.0.0", $"{Layer}.1")),
            "truncated xml" => "<wfs:Insert><envgis:environmental_incidents>",
            _ => "<wfs:Insert>&ext;</wfs:Insert>",
        });
        if (what == "external entity")
        {
            document = "<!DOCTYPE t [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>" + document.TrimStart().Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "", StringComparison.Ordinal);
        }

        await AssertOgcRefusalAsync(client, Send(HttpMethod.Post, "/wfs", document.TrimStart(), "text/xml"));
        Assert.Equal(before, await server.FingerprintAsync());
    }

    [Fact]
    public async Task The_layer_stays_readable_as_GML_after_the_attempts()
    {
        using var client = server.Admin();
        var body = await AssertAnsweredAsync(client, Get($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:{Layer}"));
        System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
    }

    private static string Feature(string geometry) =>
        $"<envgis:{Layer}><envgis:geom>{geometry}</envgis:geom><envgis:name>x</envgis:name><envgis:incident_type>fish_kill</envgis:incident_type><envgis:occurred_on>2025-07-01</envgis:occurred_on></envgis:{Layer}>";
}
