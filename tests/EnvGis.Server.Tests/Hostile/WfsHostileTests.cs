using System.Diagnostics;
using System.Net;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Hostile.Hostile;

namespace EnvGis.Server.Tests.Hostile;

/// <summary>
/// WFS reads (KVP GET, form-encoded POST, XML POST) under hostile input: an exception report (4xx) with a
/// whole body, nothing changed, and over-limit requests answered at once.
/// </summary>
[Collection("server")]
public sealed class WfsHostileTests(ServerFixture server)
{
    private const string GetFeature = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature";
    private const string Fes = "http://www.opengis.net/fes/2.0";
    private const string Gml = "http://www.opengis.net/gml/3.2";

    public static TheoryData<string> KvpRequests => new()
    {
        GetFeature + "&TYPENAMES=envgis:no_such_layer",
        GetFeature + "&TYPENAMES=envgis:communes%00",
        GetFeature + "&TYPENAMES=%FF%FE%01",
        GetFeature + "&TYPENAMES=envgis:communes&COUNT=-1",
        GetFeature + "&TYPENAMES=envgis:communes&COUNT=1e20",
        GetFeature + "&TYPENAMES=envgis:communes&COUNT=99999999999999999999999",
        GetFeature + "&TYPENAMES=envgis:communes&STARTINDEX=-1",
        GetFeature + "&TYPENAMES=envgis:communes&STARTINDEX=NaN",
        GetFeature + "&TYPENAMES=envgis:communes&BBOX=NaN,NaN,NaN,NaN",
        GetFeature + "&TYPENAMES=envgis:communes&BBOX=1e400,0,1,1",
        GetFeature + "&TYPENAMES=envgis:communes&BBOX=1,2,3",
        GetFeature + "&TYPENAMES=envgis:communes&BBOX=20,106,21,107,EPSG:99999",
        GetFeature + "&TYPENAMES=envgis:communes&SRSNAME=EPSG:0",
        GetFeature + "&TYPENAMES=envgis:communes&SRSNAME=%01",
        GetFeature + "&TYPENAMES=envgis:communes&OUTPUTFORMAT=evil/format%00",
        GetFeature + "&TYPENAMES=envgis:communes&SORTBY=name%01 DESC",
        GetFeature + "&TYPENAMES=envgis:communes&PROPERTYNAME=name,%01",
        GetFeature + "&TYPENAMES=envgis:communes&RESOURCEID=communes.1&FILTER=%3CFilter/%3E",
        GetFeature + "&TYPENAMES=envgis:communes&FILTER=%3CFilter%3E",
        GetFeature + "&TYPENAMES=envgis:communes&FILTER=" + Uri.EscapeDataString("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Filter>&e;</Filter>"),
        GetFeature + "&TYPENAMES=envgis:communes&FILTER=" + Uri.EscapeDataString(Nested(300)),
        GetFeature + "&TYPENAMES=envgis:communes&FILTER=" + Uri.EscapeDataString(
            $"<Filter xmlns=\"{Fes}\"><Intersects><ValueReference>geom</ValueReference><MultiPoint xmlns=\"{Gml}\" srsName=\"EPSG:4326\"><pointMember><LineString><posList>20 106 21 107</posList></LineString></pointMember></MultiPoint></Intersects></Filter>"),
        GetFeature + "&TYPENAMES=envgis:communes&FILTER=" + Uri.EscapeDataString(
            $"<Filter xmlns=\"{Fes}\"><During><ValueReference>valid_from</ValueReference><TimePeriod xmlns=\"{Gml}\"><beginPosition>9999-12-31T23:59:59Z</beginPosition><endPosition>99999-01-01</endPosition></TimePeriod></During></Filter>"),
        GetFeature + "&TYPENAMES=" + string.Join(",", Enumerable.Repeat("envgis:communes", 25)),
        "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=envgis:nothing%01",
        "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=envgis:communes&VALUEREFERENCE=%01",
        "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature%01",
        "/ows?SERVICE=%01&REQUEST=GetCapabilities",
    };

    [Theory]
    [MemberData(nameof(KvpRequests))]
    public async Task Bad_KVP_requests_are_exception_reports_and_change_nothing(string request)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        await AssertOgcRefusalAsync(client, Get(request));
        Assert.Equal(before, await server.FingerprintAsync());
    }

    public static TheoryData<string, string> XmlBodies => new()
    {
        { "not xml", "%%%" },
        { "truncated", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"envgis:communes\">" },
        { "xxe", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"&x;\"/></wfs:GetFeature>" },
        { "billion laughs", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><r>&b;</r>" },
        { "control character reference", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"envgis:communes&#1;\"/></wfs:GetFeature>" },
        { "unknown operation", "<Evil service=\"WFS\" version=\"2.0.0\"/>" },
        { "deep nesting", Nested(400) },
        { "25 queries", Queries(25) },
        { "xpath-looking property", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"envgis:communes\"><fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>//*[name()='password']</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter></wfs:Query></wfs:GetFeature>" },
        { "huge count", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\" count=\"1e99\"><wfs:Query typeNames=\"envgis:communes\"/></wfs:GetFeature>" },
    };

    [Theory]
    [MemberData(nameof(XmlBodies))]
    public async Task Bad_XML_requests_are_exception_reports_and_change_nothing(string what, string xml)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var root = await AssertOgcRefusalAsync(client, Send(HttpMethod.Post, "/wfs", xml, "text/xml"));
        Assert.False(string.IsNullOrWhiteSpace(root.Value), what);
        Assert.Equal(before, await server.FingerprintAsync());
    }

    [Fact]
    public async Task Forty_thousand_queries_are_refused_at_once()
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var xml = Queries(40_000);
        Assert.True(xml.Length > 1_500_000);
        var clock = Stopwatch.StartNew();
        var root = await AssertOgcRefusalAsync(client, Send(HttpMethod.Post, "/wfs", xml, "text/xml"));
        Assert.Contains("more than 20 queries", root.Value);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    public static TheoryData<string> FormBodies => new()
    {
        "1100 fields",
        "3000-character key",
        "5 MB value",
        "invalid UTF-8",
    };

    [Theory]
    [MemberData(nameof(FormBodies))]
    public async Task Hostile_form_encoded_requests_get_an_exception_report(string what)
    {
        var before = await server.FingerprintAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        HttpContent content = what switch
        {
            "1100 fields" => Form("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:communes&"
                                  + string.Join("&", Enumerable.Range(0, 1100).Select(i => $"k{i}=v"))),
            "3000-character key" => Form("SERVICE=WFS&REQUEST=GetCapabilities&" + new string('k', 3000) + "=1"),
            "5 MB value" => Form("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:communes&FILTER=" + new string('x', 5 * 1024 * 1024)),
            _ => new ByteArrayContent([.. "SERVICE=WFS&REQUEST=GetFeature&TYPENAMES="u8, 0xFF, 0xFE, 0x01]),
        };
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        await AssertOgcRefusalAsync(client, Post("/wfs", content));
        Assert.Equal(before, await server.FingerprintAsync());
    }

    [Fact]
    public async Task Control_characters_echoed_into_WFS_exceptions_arrive_as_whole_documents_in_every_version()
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        foreach (var version in new[] { "2.0.0", "1.1.0", "1.0.0" })
        {
            var root = await AssertOgcRefusalAsync(client, Get($"/wfs?SERVICE=WFS&VERSION={version}&REQUEST=GetFeature&TYPENAME=envgis:a%00b%01c"));
            Assert.Contains("TYPENAME contains the control character U+0000", root.Value);
        }
    }

    [Fact]
    public async Task A_raw_control_character_in_an_XML_body_is_reported_in_a_whole_document()
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var body = new ByteArrayContent([.. "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"a"u8,
            0x01, 0x02, .. "\"/></wfs:GetFeature>"u8]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");
        var root = await AssertOgcRefusalAsync(client, Post("/wfs", body));
        Assert.Contains("could not be read", root.Value);
        Assert.DoesNotContain("\u0001", root.Value, StringComparison.Ordinal);
        Assert.Contains("\uFFFD", root.Value, StringComparison.Ordinal);
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8);

    private static string Queries(int count) =>
        "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\">"
        + string.Concat(Enumerable.Repeat("<wfs:Query typeNames=\"envgis:communes\"/>", count)) + "</wfs:GetFeature>";

    private static string Nested(int depth) =>
        $"<Filter xmlns=\"{Fes}\">" + string.Concat(Enumerable.Repeat("<Not>", depth)) + string.Concat(Enumerable.Repeat("</Not>", depth)) + "</Filter>";
}
