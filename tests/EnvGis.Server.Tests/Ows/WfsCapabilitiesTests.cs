using System.Net;
using System.Xml.Linq;
using EnvGis.Ows.Tests.Schemas;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.Ows;

[Collection("server")]
public sealed class WfsCapabilitiesTests(ServerFixture server)
{
    [Fact]
    public async Task Capabilities_20_are_valid_and_list_every_public_layer_with_its_metadata()
    {
        var xml = await server.GetOkAsync("SERVICE=WFS&REQUEST=GetCapabilities");
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([OgcSchemas.Wfs20]));
        var root = XElement.Parse(xml);
        Assert.Equal("2.0.0", root.Attribute("version")?.Value);
        var types = root.Descendants(Wfs20 + "FeatureType").ToList();
        var names = types.Select(t => t.Element(Wfs20 + "Name")!.Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal((await server.PublicLayersAsync()).Select(n => "envgis:" + n), names);
        Assert.DoesNotContain("envgis:species_occurrences", names);

        var rivers = types.Single(t => t.Element(Wfs20 + "Name")!.Value == "envgis:rivers");
        XNamespace xml_ = XNamespace.Xml;
        Assert.Equal(["vi", "en"], rivers.Elements(Wfs20 + "Title").Select(t => t.Attribute(xml_ + "lang")!.Value));
        Assert.Equal("Main rivers", rivers.Elements(Wfs20 + "Title").Last().Value);
        Assert.Contains(rivers.Descendants(Ows11 + "Keyword"), k => k.Value == "article5:8");
        Assert.Equal("urn:ogc:def:crs:EPSG::4326", rivers.Element(Wfs20 + "DefaultCRS")!.Value);
        Assert.Equal(["urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG::4756", "urn:ogc:def:crs:EPSG::3405", "urn:ogc:def:crs:EPSG::9209", "urn:ogc:def:crs:EPSG::9210"],
            rivers.Elements(Wfs20 + "OtherCRS").Select(c => c.Value));
        Assert.Contains("application/json", rivers.Descendants(Wfs20 + "Format").Select(f => f.Value));

        // WGS84BoundingBox from the data: lon/lat, equal to the public extent.
        var box = rivers.Element(Ows11 + "WGS84BoundingBox")!;
        var lower = box.Element(Ows11 + "LowerCorner")!.Value.Split(' ').Select(double.Parse).ToArray();
        var minX = await server.ScalarAsync<double>("SELECT ST_XMin(ST_Extent(geom)) FROM data.rivers WHERE status = 'published' AND NOT restricted");
        var minY = await server.ScalarAsync<double>("SELECT ST_YMin(ST_Extent(geom)) FROM data.rivers WHERE status = 'published' AND NOT restricted");
        Assert.Equal(minX, lower[0], 1e-6);
        Assert.Equal(minY, lower[1], 1e-6);

        var constraints = root.Descendants().Where(e => e.Name.LocalName == "Constraint").ToDictionary(c => c.Attribute("name")!.Value, c => c.Element(Ows11 + "DefaultValue")?.Value);
        Assert.Equal("TRUE", constraints["ImplementsResultPaging"]);
        Assert.Equal("1000", constraints["CountDefault"]);
        Assert.Equal("TRUE", constraints["ImplementsSpatialFilter"]);
        Assert.Equal("FALSE", constraints["ImplementsFunctions"]);
        var operations = root.Descendants(Ows11 + "Operation").Select(o => o.Attribute("name")!.Value).ToList();
        Assert.Equal(["GetCapabilities", "DescribeFeatureType", "GetFeature", "GetPropertyValue", "ListStoredQueries", "DescribeStoredQueries"], operations);
        var href = root.Descendants(Ows11 + "Get").First().Attribute(XName.Get("href", "http://www.w3.org/1999/xlink"))!.Value;
        Assert.Equal(new Uri(server.BaseUrl, "/wfs?").ToString(), href);
    }

    [Fact]
    public async Task Capabilities_11_are_valid_and_english_can_be_asked_for()
    {
        var xml = await server.GetOkAsync("service=wfs&request=GetCapabilities&AcceptVersions=1.1.0&language=en");
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([OgcSchemas.Wfs11]));
        var root = XElement.Parse(xml);
        Assert.Equal("1.1.0", root.Attribute("version")?.Value);
        var rivers = root.Descendants(Wfs11 + "FeatureType").Single(t => t.Element(Wfs11 + "Name")!.Value == "envgis:rivers");
        Assert.Equal("Main rivers", rivers.Element(Wfs11 + "Title")!.Value);
        Assert.Contains("Sông chính", rivers.Element(Wfs11 + "Abstract")!.Value, StringComparison.Ordinal);
        Assert.Equal("urn:ogc:def:crs:EPSG::4326", rivers.Element(Wfs11 + "DefaultSRS")!.Value);
    }

    [Fact]
    public async Task Capabilities_10_list_the_layers()
    {
        var root = XElement.Parse(await server.GetOkAsync("service=WFS&request=GetCapabilities&version=1.0.0"));
        Assert.Equal("1.0.0", root.Attribute("version")?.Value);
        Assert.Contains(root.Descendants(Wfs11 + "Name"), n => n.Value == "envgis:communes");
    }

    [Fact]
    public async Task Online_resources_follow_forwarded_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ows?service=WFS&request=GetCapabilities");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "gis.haiphong.example");
        using var response = await server.Client.SendAsync(request);
        var root = XElement.Parse(await response.Content.ReadAsStringAsync());
        var hrefs = root.Descendants(Ows11 + "Get").Select(g => g.Attribute(XName.Get("href", "http://www.w3.org/1999/xlink"))!.Value).Distinct().ToList();
        Assert.Equal(["https://gis.haiphong.example/ows?"], hrefs);
    }

    [Fact]
    public async Task Version_negotiation_and_dispatch_errors_are_exception_reports()
    {
        await server.AssertExceptionAsync("service=WFS&request=GetCapabilities&acceptversions=3.0.0,2.5.0", HttpStatusCode.BadRequest, "VersionNegotiationFailed", "AcceptVersions");
        await server.AssertExceptionAsync("service=WFS&version=2.0.0&request=Transaction", HttpStatusCode.NotImplemented, "OperationNotSupported", "request");
        await server.AssertExceptionAsync("service=WFS&version=2.0.0", HttpStatusCode.BadRequest, "MissingParameterValue", "request");
        await server.AssertExceptionAsync("service=WFS&version=9.9.9&request=GetFeature&typeNames=envgis:rivers", HttpStatusCode.BadRequest, "InvalidParameterValue", "version");
        await server.AssertExceptionAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:nothing", HttpStatusCode.BadRequest, "InvalidParameterValue", "typeNames");
        await server.AssertExceptionAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:species_occurrences", HttpStatusCode.BadRequest, "InvalidParameterValue", "typeNames");
        var (status, body, _) = await GetPathAsync("/ows?request=GetCapabilities");
        AssertException(status, body, HttpStatusCode.BadRequest, "MissingParameterValue", "service");
        // /wms implies SERVICE=WMS: the same dispatcher answers with the WMS capabilities.
        (status, body, _) = await GetPathAsync("/wms?request=GetCapabilities");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("WMS_Capabilities", body);
        var (ok, capabilities, _) = await GetPathAsync("/ows?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=1.1.0");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("version=\"1.1.0\"", capabilities, StringComparison.Ordinal);
        // WFS 1.1 errors use OWS 1.0.
        var v11 = await server.AssertExceptionAsync("service=WFS&version=1.1.0&request=GetFeature&typeName=envgis:nothing", HttpStatusCode.BadRequest, "InvalidParameterValue", "typeNames");
        Assert.Equal("http://www.opengis.net/ows", v11.Name.NamespaceName);
    }

    private async Task<(HttpStatusCode, string, string?)> GetPathAsync(string path)
    {
        using var response = await server.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }
}
