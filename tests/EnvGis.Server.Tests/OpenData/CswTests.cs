using System.Net;
using System.Text;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>
/// CSW 2.0.2 at /csw (docs/open-data.md "CSW"): responses valid against the official schemas, read by
/// OWSLib's CatalogueServiceWeb and GDAL's CSW driver, the same visibility as every channel, and bad
/// requests answered with an OWS ExceptionReport.
/// </summary>
[Collection("server")]
public sealed class CswTests(ServerFixture server)
{
    private static readonly XNamespace Csw = "http://www.opengis.net/cat/csw/2.0.2";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Gmd = "http://www.isotc211.org/2005/gmd";

    private string Endpoint => new Uri(server.BaseUrl, "/csw").ToString();

    [Fact]
    public async Task Capabilities_and_describe_record_are_valid_csw_2_0_2()
    {
        var capabilities = await GetOkAsync("service=CSW&request=GetCapabilities");
        var errors = OpenDataSchemas.Validate(capabilities, OpenDataSchemas.Csw);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        Assert.Contains("GetRecordById", capabilities, StringComparison.Ordinal);
        Assert.Contains(Endpoint, capabilities, StringComparison.Ordinal);
        var describe = await GetOkAsync("service=CSW&version=2.0.2&request=DescribeRecord&typeName=csw:Record");
        // SchemaComponent holds the schema itself (lax content): only warnings about XML Schema's own elements are expected.
        var describeErrors = OpenDataSchemas.Validate(describe, OpenDataSchemas.Csw)
            .Where(e => !e.StartsWith("Warning", StringComparison.Ordinal) || !e.Contains("Could not find schema information", StringComparison.Ordinal)).ToList();
        Assert.True(describeErrors.Count == 0, string.Join("\n", describeErrors.Take(10)));
        Assert.Contains("record.xsd", describe, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("brief")]
    [InlineData("summary")]
    [InlineData("full")]
    public async Task Dublin_core_records_list_every_public_layer_and_are_schema_valid(string elementSet)
    {
        var body = await GetOkAsync($"service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&maxRecords=100&elementSetName={elementSet}");
        var errors = OpenDataSchemas.Validate(body, OpenDataSchemas.Csw);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var xml = XDocument.Parse(body);
        var ids = xml.Descendants(Dc + "identifier").Select(i => i.Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal((await server.PublicLayersAsync()).Select(l => "envgis-" + l).Order(StringComparer.Ordinal), ids);
        var results = xml.Descendants(Csw + "SearchResults").Single();
        Assert.Equal(ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), results.Attribute("numberOfRecordsMatched")!.Value);
        Assert.DoesNotContain("species_occurrences", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iso_records_through_csw_are_valid_against_the_csw_and_iso_schemas()
    {
        var post = """
            <csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2"
                resultType="results" outputSchema="http://www.isotc211.org/2005/gmd" maxRecords="3" startPosition="2">
              <csw:Query typeNames="gmd:MD_Metadata"><csw:ElementSetName>full</csw:ElementSetName></csw:Query>
            </csw:GetRecords>
            """;
        var body = await PostOkAsync(post);
        var errors = OpenDataSchemas.Validate(body, OpenDataSchemas.Csw, OpenDataSchemas.Gmd);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var xml = XDocument.Parse(body);
        Assert.Equal(3, xml.Descendants(Gmd + "MD_Metadata").Count());
        Assert.Equal("5", xml.Descendants(Csw + "SearchResults").Single().Attribute("nextRecord")!.Value);

        var byId = await GetOkAsync("service=CSW&version=2.0.2&request=GetRecordById&id=envgis-communes&outputSchema=http://www.isotc211.org/2005/gmd");
        Assert.Empty(OpenDataSchemas.Validate(byId, OpenDataSchemas.Csw, OpenDataSchemas.Gmd));
        Assert.Contains("Đơn vị hành chính cấp xã", byId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_and_cql_select_records_and_restricted_layers_are_only_for_authorised_callers()
    {
        var like = """
            <csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2" resultType="results">
              <csw:Query typeNames="csw:Record"><csw:ElementSetName>brief</csw:ElementSetName>
                <csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\" matchCase="false">
                  <ogc:PropertyName>csw:AnyText</ogc:PropertyName><ogc:Literal>%quan trắc%</ogc:Literal></ogc:PropertyIsLike></ogc:Filter></csw:Constraint>
              </csw:Query>
            </csw:GetRecords>
            """;
        var found = XDocument.Parse(await PostOkAsync(like)).Descendants(Dc + "identifier").Select(i => i.Value).ToList();
        Assert.Contains("envgis-monitoring_stations", found);
        Assert.DoesNotContain("envgis-communes", found);

        var cql = await GetOkAsync("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&constraintLanguage=CQL_TEXT&constraint="
                                   + Uri.EscapeDataString("dc:identifier = 'envgis-rivers'"));
        Assert.Equal(["envgis-rivers"], XDocument.Parse(cql).Descendants(Dc + "identifier").Select(i => i.Value));

        var hits = await GetOkAsync("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=hits");
        var results = XDocument.Parse(hits).Descendants(Csw + "SearchResults").Single();
        Assert.Equal("0", results.Attribute("numberOfRecordsReturned")!.Value);
        Assert.Equal((await server.PublicLayersAsync()).Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            results.Attribute("numberOfRecordsMatched")!.Value);

        Assert.DoesNotContain("envgis-species_occurrences",
            await GetOkAsync("service=CSW&version=2.0.2&request=GetRecordById&id=envgis-species_occurrences"), StringComparison.Ordinal);
        using var admin = server.Admin();
        var authorised = await admin.GetAsync("/csw?service=CSW&version=2.0.2&request=GetRecordById&id=envgis-species_occurrences");
        Assert.Contains("envgis-species_occurrences", await authorised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("no-store", authorised.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owslib_catalogue_service_web_reads_capabilities_searches_and_gets_iso_records()
    {
        var script = """
            import sys
            from owslib.csw import CatalogueServiceWeb
            from owslib.fes import PropertyIsLike, BBox
            csw = CatalogueServiceWeb(sys.argv[1])
            print('VERSION', csw.version, csw.identification.type)
            print('OPERATIONS', ','.join(sorted(o.name for o in csw.operations)))
            csw.getrecords2(constraints=[PropertyIsLike('csw:AnyText', '%quan trắc%')], esn='full', maxrecords=50)
            print('LIKE', ','.join(sorted(csw.records)))
            csw.getrecords2(constraints=[BBox([20.6, 106.3, 21.1, 107.1], crs='urn:ogc:def:crs:EPSG::4326')], esn='summary', maxrecords=50)
            print('BBOX', csw.results['matches'])
            csw.getrecords2(esn='brief', maxrecords=2, startposition=1)
            print('PAGE', csw.results['returned'], csw.results['nextrecord'])
            csw.getrecordbyid(id=['envgis-communes'], outputschema='http://www.isotc211.org/2005/gmd')
            record = csw.records['envgis-communes']
            ident = record.identification[0] if isinstance(record.identification, list) else record.identification
            print('ISO', record.identifier, ident.title)
            """;
        var file = Path.Combine(Path.GetTempPath(), $"envgis-owslib-csw-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var output = await RunAsync("/usr/bin/python3", [file, Endpoint]);
            Assert.Contains("VERSION 2.0.2 CSW", output, StringComparison.Ordinal);
            Assert.Contains("OPERATIONS DescribeRecord,GetCapabilities,GetRecordById,GetRecords", output, StringComparison.Ordinal);
            Assert.Contains("LIKE envgis-monitoring_stations", output, StringComparison.Ordinal);
            var layers = await server.PublicLayersAsync();
            var inBox = 0;
            foreach (var layer in layers)
            {
                inBox += await server.ScalarAsync<bool>($"""
                    SELECT coalesce(ST_Intersects(ST_SetSRID(ST_Extent(geom)::geometry, 4326), ST_MakeEnvelope(106.3, 20.6, 107.1, 21.1, 4326)), false)
                    FROM data."{layer}" WHERE status = 'published' AND NOT restricted
                    """) ? 1 : 0;
            }

            Assert.Contains($"BBOX {inBox}", output, StringComparison.Ordinal);
            Assert.Contains("PAGE 2 3", output, StringComparison.Ordinal);
            Assert.Contains("ISO envgis-communes Đơn vị hành chính cấp xã", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Gdal_csw_driver_lists_searches_and_bounds_the_records()
    {
        var source = "CSW:" + Endpoint;
        var all = await RunAsync("ogrinfo", ["-ro", "-so", source, "records"]);
        Assert.Contains($"Feature Count: {(await server.PublicLayersAsync()).Count}", all, StringComparison.Ordinal);

        // GDAL 3.6's CSW layer has no title field; anytext is sent to the server as csw:AnyText.
        var titled = await RunAsync("ogrinfo", ["-ro", "-al", "-q", source, "-where", "anytext LIKE '%sông%'", "--debug", "on"]);
        Assert.Contains("csw:AnyText", titled, StringComparison.Ordinal);
        Assert.Contains("identifier (String) = envgis-rivers", titled, StringComparison.Ordinal);
        Assert.DoesNotContain("envgis-communes", titled, StringComparison.Ordinal);

        var rivers = await RunAsync("ogrinfo", ["-ro", "-al", "-q", source, "-where", "identifier = 'envgis-rivers'"]);
        var west = await server.ScalarAsync<double>("SELECT ST_XMin(ST_Extent(geom)) FROM data.rivers WHERE status = 'published' AND NOT restricted");
        Assert.Contains("POLYGON ((" + west.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), rivers, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&outputSchema=http://example.org/x", "InvalidParameterValue", "outputSchema")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&elementSetName=huge", "InvalidParameterValue", "ElementSetName")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=dc:Other", "InvalidParameterValue", "typeNames")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&constraintLanguage=CQL_TEXT&constraint=title%20%3D%3D%3D", "InvalidParameterValue", "Constraint")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&constraintLanguage=CQL_TEXT&constraint=secret%20%3D%201", "InvalidParameterValue", "Constraint")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&constraintLanguage=FILTER&constraint=%3Cogc%3AFilter", "InvalidParameterValue", "Constraint")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&constraintLanguage=SQL&constraint=1", "InvalidParameterValue", "constraintLanguage")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&constraint=x", "MissingParameterValue", "constraintLanguage")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&startPosition=0", "InvalidParameterValue", "startPosition")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=validate", "InvalidParameterValue", "resultType")]
    [InlineData("service=CSW&version=2.0.2&request=GetRecordById", "MissingParameterValue", "Id")]
    [InlineData("service=CSW&version=2.0.2&request=Harvest", "OperationNotSupported", "request")]
    [InlineData("service=CSW&version=3.0.0&request=GetRecords", "InvalidParameterValue", "version")]
    public async Task Bad_requests_get_an_ows_exception_report_and_change_nothing(string query, string code, string locator)
    {
        var before = await server.DataFingerprintAsync();
        var response = await server.Client.GetAsync("/csw?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500 or 501, $"{(int)response.StatusCode}: {body}");
        AssertException(response.StatusCode, body, response.StatusCode, code, locator);
        Assert.Empty(OpenDataSchemas.Validate(body, OpenDataSchemas.Ows));
        Assert.Equal(before, await server.DataFingerprintAsync());
    }

    [Fact]
    public async Task A_hostile_xml_request_is_refused_without_resolving_entities()
    {
        var post = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2"><csw:Query typeNames="csw:Record"><csw:ElementSetName>&x;</csw:ElementSetName></csw:Query></csw:GetRecords>
            """;
        var response = await server.Client.PostAsync("/csw", new StringContent(post, Encoding.UTF8, "application/xml"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<ows:ExceptionReport", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    private async Task<string> GetOkAsync(string query)
    {
        var response = await server.Client.GetAsync("/csw?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    private async Task<string> PostOkAsync(string xml)
    {
        var response = await server.Client.PostAsync("/csw", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }
}
