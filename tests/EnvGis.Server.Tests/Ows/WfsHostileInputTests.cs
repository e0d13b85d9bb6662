using System.Net;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.Ows;

/// <summary>Hostile requests: each gets an exception report, the server stays up and the data is unchanged.</summary>
[Collection("server")]
public sealed class WfsHostileInputTests(ServerFixture server)
{
    private const string GetFeature = "service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:communes&filter=";

    private async Task StillServingAndUnchangedAsync(string fingerprint)
    {
        Assert.Equal(fingerprint, await server.DataFingerprintAsync());
        Assert.True(await server.ScalarAsync<long>("SELECT count(*) FROM data.communes") > 0);
        var capabilities = await server.GetOkAsync("service=WFS&request=GetCapabilities");
        Assert.Contains("envgis:communes", capabilities, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Filter><PropertyIsEqualTo><ValueReference>name</ValueReference><Literal>x'; DELETE FROM data.communes; --</Literal></PropertyIsEqualTo></Filter>", HttpStatusCode.OK, null)]
    [InlineData("<Filter><PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><ValueReference>name</ValueReference><Literal>*'); DROP TABLE data.communes; --</Literal></PropertyIsLike></Filter>", HttpStatusCode.OK, null)]
    [InlineData("<Filter><PropertyIsEqualTo><ValueReference>name\"; DELETE FROM data.communes; --</ValueReference><Literal>1</Literal></PropertyIsEqualTo></Filter>", HttpStatusCode.BadRequest, "filter")]
    [InlineData("<Filter><PropertyIsEqualTo><ValueReference>population</ValueReference><Literal>1); DELETE FROM data.communes; --</Literal></PropertyIsEqualTo></Filter>", HttpStatusCode.BadRequest, "filter")]
    [InlineData("<Filter><ResourceId rid=\"communes.1 OR 1=1\"/></Filter>", HttpStatusCode.OK, null)]
    [InlineData("<Filter><Intersects><ValueReference>geom</ValueReference><Polygon xmlns=\"http://www.opengis.net/gml/3.2\" srsName=\"EPSG:4326\"><exterior><LinearRing><posList>106 20 107 21 107 20 106 21 106 20</posList></LinearRing></exterior></Polygon></Intersects></Filter>", HttpStatusCode.BadRequest, "filter")]
    [InlineData("<Filter><Intersects><ValueReference>geom</ValueReference><Point xmlns=\"http://www.opengis.net/gml/3.2\" srsName=\"EPSG:4326\"><pos>1e400 20</pos></Point></Intersects></Filter>", HttpStatusCode.BadRequest, "filter")]
    [InlineData("<Filter><Intersects><ValueReference>geom</ValueReference><Point xmlns=\"http://www.opengis.net/gml/3.2\" srsName=\"EPSG:9210\"><pos>1e300 1e300</pos></Point></Intersects></Filter>", HttpStatusCode.BadRequest, null)]
    public async Task Sql_fragments_and_invalid_geometries_change_nothing(string filter, HttpStatusCode status, string? locator)
    {
        var fingerprint = await server.DataFingerprintAsync();
        var (actual, body, _) = await server.GetAsync(GetFeature + Uri.EscapeDataString(filter));
        if (status == HttpStatusCode.OK)
        {
            Assert.True(actual == HttpStatusCode.OK, body);
            Assert.Contains("numberMatched=\"0\"", body, StringComparison.Ordinal);
        }
        else
        {
            AssertException(actual, body, status, "InvalidParameterValue", locator);
        }

        await StillServingAndUnchangedAsync(fingerprint);
    }

    [Theory]
    [InlineData("sortBy", "name; DROP TABLE data.communes")]
    [InlineData("propertyName", "name,(SELECT 1)")]
    [InlineData("typeNames", "envgis:communes\"; DROP TABLE data.communes; --")]
    [InlineData("srsName", "EPSG:4326); DROP TABLE data.communes; --")]
    [InlineData("bbox", "1,2,3,4); DROP TABLE data.communes; --")]
    public async Task Sql_fragments_in_parameters_are_refused(string parameter, string value)
    {
        var fingerprint = await server.DataFingerprintAsync();
        var typeNames = parameter == "typeNames" ? "" : "&typeNames=envgis:communes";
        await server.AssertExceptionAsync($"service=WFS&version=2.0.0&request=GetFeature{typeNames}&{parameter}={Uri.EscapeDataString(value)}",
            HttpStatusCode.BadRequest, "InvalidParameterValue");
        await StillServingAndUnchangedAsync(fingerprint);
    }

    [Fact]
    public async Task Ten_thousand_deep_filters_are_refused()
    {
        var fingerprint = await server.DataFingerprintAsync();
        var deep = "<Filter>" + string.Concat(Enumerable.Repeat("<Not>", 10_000)) + "<PropertyIsNull><ValueReference>name</ValueReference></PropertyIsNull>"
            + string.Concat(Enumerable.Repeat("</Not>", 10_000)) + "</Filter>";
        var body = $"<GetFeature xmlns=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><Query typeNames=\"envgis:communes\">{deep.Replace("<Filter>", "<Filter xmlns=\"http://www.opengis.net/fes/2.0\">")}</Query></GetFeature>";
        using var response = await server.Client.PostAsync("/wfs", new StringContent(body, Encoding.UTF8, "application/xml"));
        AssertException(response.StatusCode, await response.Content.ReadAsStringAsync(), HttpStatusCode.BadRequest, "OperationParsingFailed", null);
        var and = "<Filter>" + string.Concat(Enumerable.Repeat("<And><PropertyIsNull><ValueReference>name</ValueReference></PropertyIsNull>", 60))
            + "<PropertyIsNull><ValueReference>name</ValueReference></PropertyIsNull>" + string.Concat(Enumerable.Repeat("</And>", 60)) + "</Filter>";
        await server.AssertExceptionAsync(GetFeature + Uri.EscapeDataString(and), HttpStatusCode.BadRequest, "InvalidParameterValue", "filter");
        await StillServingAndUnchangedAsync(fingerprint);
    }

    [Theory]
    [InlineData("<!DOCTYPE GetFeature [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><GetFeature xmlns=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><Query typeNames=\"&xxe;\"/></GetFeature>")]
    [InlineData("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><GetCapabilities xmlns=\"http://www.opengis.net/wfs/2.0\" service=\"&lol3;\"/>")]
    [InlineData("<!DOCTYPE GetCapabilities SYSTEM \"http://127.0.0.1:9/evil.dtd\"><GetCapabilities xmlns=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\"/>")]
    public async Task Dtds_and_external_entities_are_refused_never_resolved(string body)
    {
        var fingerprint = await server.DataFingerprintAsync();
        using var response = await server.Client.PostAsync("/wfs", new StringContent(body, Encoding.UTF8, "text/xml"));
        var text = await response.Content.ReadAsStringAsync();
        AssertException(response.StatusCode, text, HttpStatusCode.BadRequest, "OperationParsingFailed", null);
        Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
        await StillServingAndUnchangedAsync(fingerprint);
    }

    [Fact]
    public async Task A_100_mb_body_is_rejected_and_the_server_stays_up()
    {
        var fingerprint = await server.DataFingerprintAsync();
        using var content = new StreamContent(new RepeatingStream(100L * 1024 * 1024));
        content.Headers.ContentType = new("application/xml");
        content.Headers.ContentLength = 100L * 1024 * 1024;
        try
        {
            using var response = await server.Client.PostAsync("/wfs", content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {text}");
            Assert.Contains("<ows:ExceptionReport", text, StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            // The server may close the connection while the client is still sending; that is a refusal too.
        }

        await StillServingAndUnchangedAsync(fingerprint);
    }

    /// <summary>A long stream of XML-ish bytes that never exists in memory at once.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private static readonly byte[] Pattern = Encoding.ASCII.GetBytes("<a>0123456789abcdef</a>");
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = Pattern[(position + i) % Pattern.Length];
            }

            position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
