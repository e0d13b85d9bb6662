using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace EnvGis.Server.Tests.WfsTransaction;

/// <summary>
/// WFS Transactions written the way real clients write them: QGIS 3 (WFS 1.1.0 in the
/// <c>http://www.opengis.net/wfs</c> namespace as default namespace, GML 3 <c>gml:pos</c> in the URN's
/// lat/lon order, <c>ogc:GmlObjectId</c>), WFS 1.0.0 (GML 2 <c>gml:coordinates</c>, <c>ogc:FeatureId</c>)
/// and WFS 2.0.0 (GML 3.2, <c>fes:ResourceId</c>).
/// </summary>
public static class Transactions
{
    public const string Envgis = "https://envgis.haiphong.gov.vn/wfs";
    public static readonly XNamespace Wfs = "http://www.opengis.net/wfs";
    public static readonly XNamespace Wfs20 = "http://www.opengis.net/wfs/2.0";
    public static readonly XNamespace Ogc = "http://www.opengis.net/ogc";
    public static readonly XNamespace Fes = "http://www.opengis.net/fes/2.0";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A point in the version's usual encoding: 1.0 lon,lat; 1.1 URN lat lon (gml:pos); 2.0 URN lat lon (GML 3.2).</summary>
    public static string Point(string version, double lon, double lat) => version switch
    {
        "1.0.0" => $"""<gml:Point srsName="EPSG:4326"><gml:coordinates cs="," ts=" ">{Number(lon)},{Number(lat)}</gml:coordinates></gml:Point>""",
        "1.1.0" => $"""<gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos srsDimension="2">{Number(lat)} {Number(lon)}</gml:pos></gml:Point>""",
        _ => $"""<gml:Point gml:id="p1" srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>{Number(lat)} {Number(lon)}</gml:pos></gml:Point>""",
    };

    /// <summary>The root of a transaction of <paramref name="version"/> around <paramref name="actions"/>.</summary>
    public static string Document(string version, string actions) => version switch
    {
        "2.0.0" => $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <wfs:Transaction xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0"
                             xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:envgis="{Envgis}" service="WFS" version="2.0.0">
            {actions}
            </wfs:Transaction>
            """,
        // QGIS 3: the WFS namespace as default namespace on Transaction and again on each action.
        "1.1.0" => $"""
            <Transaction xmlns="http://www.opengis.net/wfs" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" service="WFS" version="1.1.0"
                         xmlns:envgis="{Envgis}" xmlns:gml="http://www.opengis.net/gml" xmlns:ogc="http://www.opengis.net/ogc">
            {actions}
            </Transaction>
            """,
        _ => $"""
            <?xml version="1.0"?>
            <wfs:Transaction xmlns:wfs="http://www.opengis.net/wfs" service="WFS" version="1.0.0"
                             xmlns:gml="http://www.opengis.net/gml" xmlns:ogc="http://www.opengis.net/ogc" xmlns:envgis="{Envgis}">
            {actions}
            </wfs:Transaction>
            """,
    };

    public static string Insert(string version, string featureXml, string? handle = null)
    {
        var handleAttribute = handle is null ? "" : $" handle=\"{handle}\"";
        return version == "1.1.0"
            ? $"""<Insert xmlns="http://www.opengis.net/wfs"{handleAttribute}>{featureXml}</Insert>"""
            : $"""<wfs:Insert{handleAttribute}>{featureXml}</wfs:Insert>""";
    }

    /// <summary>An environmental incident as a feature element (geometry first, as QGIS writes it).</summary>
    public static string Incident(string version, double lon, double lat, string name, string type = "fish_kill", string date = "2025-07-01") =>
        $"""
        <envgis:environmental_incidents><envgis:geom>{Point(version, lon, lat)}</envgis:geom><envgis:name>{Escape(name)}</envgis:name><envgis:incident_type>{type}</envgis:incident_type><envgis:occurred_on>{date}</envgis:occurred_on></envgis:environmental_incidents>
        """;

    /// <summary>The id filter each version's clients send for one feature (QGIS 1.1: GmlObjectId).</summary>
    public static string IdFilter(string version, string fid, int? resourceVersion = null) => version switch
    {
        "2.0.0" => $"""<fes:Filter><fes:ResourceId rid="{fid}"{(resourceVersion is { } v ? $" version=\"{v}\"" : "")}/></fes:Filter>""",
        "1.1.0" => $"""<Filter xmlns="http://www.opengis.net/ogc"><GmlObjectId xmlns:gml="http://www.opengis.net/gml" gml:id="{fid}"/></Filter>""",
        _ => $"""<ogc:Filter><ogc:FeatureId fid="{fid}"/></ogc:Filter>""",
    };

    public static string Update(string version, string typeName, IEnumerable<(string Name, string? ValueXml)> properties, string filter)
    {
        var nameElement = version == "2.0.0" ? "ValueReference" : "Name";
        var prefix = version == "1.1.0" ? "" : "wfs:";
        var body = string.Concat(properties.Select(p =>
            $"<{prefix}Property><{prefix}{nameElement}>{p.Name}</{prefix}{nameElement}>{(p.ValueXml is null ? "" : $"<{prefix}Value>{p.ValueXml}</{prefix}Value>")}</{prefix}Property>"));
        return version == "1.1.0"
            ? $"""<Update xmlns="http://www.opengis.net/wfs" typeName="{typeName}">{body}{filter}</Update>"""
            : $"""<wfs:Update typeName="{typeName}">{body}{filter}</wfs:Update>""";
    }

    public static string Delete(string version, string typeName, string filter) => version == "1.1.0"
        ? $"""<Delete xmlns="http://www.opengis.net/wfs" typeName="{typeName}">{filter}</Delete>"""
        : $"""<wfs:Delete typeName="{typeName}">{filter}</wfs:Delete>""";

    public static string Escape(string text) => new XText(text).ToString();

    public static async Task<(HttpStatusCode Status, string Body, XDocument? Xml)> PostAsync(HttpClient client, string document,
        string contentType = "text/xml")
    {
        using var content = new StringContent(document.TrimStart(), Encoding.UTF8, contentType);
        using var response = await client.PostAsync("/wfs", content);
        var body = await response.Content.ReadAsStringAsync();
        XDocument? xml = null;
        try
        {
            xml = XDocument.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
        }

        return (response.StatusCode, body, xml);
    }

    /// <summary>The fids of inserted features in the response, in order, for any version.</summary>
    public static List<string> InsertedIds(XDocument response) =>
        response.Descendants().Where(e => e.Name.LocalName is "FeatureId" or "ResourceId")
            .Where(e => e.Parent?.Name.LocalName is "Feature" && e.Parent.Parent?.Name.LocalName == "InsertResults"
                        || e.Parent?.Name.LocalName == "InsertResult")
            .Select(e => (e.Attribute("fid") ?? e.Attribute("rid"))!.Value).ToList();

    public static long IdOf(string fid) => long.Parse(fid[(fid.LastIndexOf('.') + 1)..], CultureInfo.InvariantCulture);
}
