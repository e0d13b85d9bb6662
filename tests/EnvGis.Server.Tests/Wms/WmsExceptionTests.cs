using System.Net;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using SkiaSharp;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>Every kind of bad input gets its WMS exception (XML, in the image, or blank), and the server stays up.</summary>
[Collection("server")]
public sealed class WmsExceptionTests(ServerFixture server)
{
    private const string Map = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=protected_areas&STYLES=&CRS=EPSG:4326&BBOX=20.72,106.95,20.88,107.2&WIDTH=64&HEIGHT=64&FORMAT=image/png";
    private const string Map111 = "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=protected_areas&STYLES=&SRS=EPSG:4326&BBOX=106.95,20.72,107.2,20.88&WIDTH=64&HEIGHT=64&FORMAT=image/png";
    private const string Info = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=protected_areas&QUERY_LAYERS=protected_areas&STYLES=&CRS=EPSG:4326&BBOX=20.72,106.95,20.88,107.2&WIDTH=64&HEIGHT=64&I=10&J=10&INFO_FORMAT=text/plain";

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "no request", "SERVICE=WMS&VERSION=1.3.0", "MissingParameterValue" },
        { "unknown request", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCoverage", "OperationNotSupported" },
        { "unknown version", Map.Replace("VERSION=1.3.0", "VERSION=1.2.0"), "InvalidParameterValue" },
        { "no layers", Map.Replace("LAYERS=protected_areas&", ""), "MissingParameterValue" },
        { "unknown layer", Map.Replace("LAYERS=protected_areas", "LAYERS=protected_areas,nope"), "LayerNotDefined" },
        { "restricted layer", Map.Replace("LAYERS=protected_areas", "LAYERS=species_occurrences"), "LayerNotDefined" },
        { "sql in a layer name", Map.Replace("LAYERS=protected_areas", "LAYERS=protected_areas%22;DROP%20TABLE%20data.land;--"), "LayerNotDefined" },
        { "unknown style", Map.Replace("STYLES=", "STYLES=fancy"), "StyleNotDefined" },
        { "style count", Map.Replace("STYLES=", "STYLES=a,b"), "StyleNotDefined" },
        { "unknown crs", Map.Replace("CRS=EPSG:4326", "CRS=EPSG:2000"), "InvalidCRS" },
        { "garbage crs", Map.Replace("CRS=EPSG:4326", "CRS=nonsense"), "InvalidCRS" },
        { "missing crs", Map.Replace("CRS=EPSG:4326&", ""), "MissingParameterValue" },
        { "unknown srs", Map111.Replace("SRS=EPSG:4326", "SRS=EPSG:2000"), "InvalidSRS" },
        { "unknown format", Map.Replace("FORMAT=image/png", "FORMAT=image/gif"), "InvalidFormat" },
        { "missing format", Map.Replace("&FORMAT=image/png", ""), "MissingParameterValue" },
        { "three numbers", Map.Replace("BBOX=20.72,106.95,20.88,107.2", "BBOX=1,2,3"), "InvalidParameterValue" },
        { "inverted box", Map.Replace("BBOX=20.72,106.95,20.88,107.2", "BBOX=20.88,106.95,20.72,107.2"), "InvalidParameterValue" },
        { "not numbers", Map.Replace("BBOX=20.72,106.95,20.88,107.2", "BBOX=a,b,c,d"), "InvalidParameterValue" },
        { "infinite", Map.Replace("BBOX=20.72,106.95,20.88,107.2", "BBOX=20.72,106.95,Infinity,107.2"), "InvalidParameterValue" },
        { "too wide", Map.Replace("WIDTH=64", "WIDTH=4097"), "InvalidParameterValue" },
        { "pixel budget", Map.Replace("WIDTH=64&HEIGHT=64", "WIDTH=4096&HEIGHT=4096"), "InvalidParameterValue" },
        { "zero width", Map.Replace("WIDTH=64", "WIDTH=0"), "InvalidParameterValue" },
        { "text height", Map.Replace("HEIGHT=64", "HEIGHT=tall"), "InvalidParameterValue" },
        { "bad bgcolor", Map + "&BGCOLOR=red", "InvalidParameterValue" },
        { "bad transparent", Map + "&TRANSPARENT=maybe", "InvalidParameterValue" },
        { "empty time", Map + "&TIME=", "MissingDimensionValue" },
        { "bad time", Map + "&TIME=yesterday", "InvalidDimensionValue" },
        { "backwards period", Map + "&TIME=2025-01-01/2024-01-01", "InvalidDimensionValue" },
        { "sld body", Map + "&SLD_BODY=%3CStyledLayerDescriptor/%3E", "OptionNotSupported" },
        { "bad info format", Info.Replace("INFO_FORMAT=text/plain", "INFO_FORMAT=application/pdf"), "InvalidFormat" },
        { "point outside", Info.Replace("I=10", "I=64"), "InvalidPoint" },
        { "negative point", Info.Replace("J=10", "J=-1"), "InvalidPoint" },
        { "missing point", Info.Replace("&I=10", ""), "InvalidPoint" },
        { "query layer not in map", Info.Replace("QUERY_LAYERS=protected_areas", "QUERY_LAYERS=communes"), "LayerNotDefined" },
        { "no query layers", Info.Replace("QUERY_LAYERS=protected_areas&", ""), "MissingParameterValue" },
        { "bad feature count", Info + "&FEATURE_COUNT=0", "InvalidParameterValue" },
        { "legend of nothing", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=nope", "LayerNotDefined" },
        { "legend without layer", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png", "MissingParameterValue" },
        { "legend rule", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=protected_areas&RULE=nope", "InvalidParameterValue" },
        { "legend style", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=protected_areas&STYLE=nope", "StyleNotDefined" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_service_exception_and_the_server_stays_up(string why, string query, string code)
    {
        var response = await server.WmsAsync(query);
        Assert.True(response.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotImplemented, $"{why}: {(int)response.Status} {response.Text}");
        var exception = AssertServiceException(response, code, response.Status);
        Assert.False(string.IsNullOrWhiteSpace(exception.Value), why);
        Assert.DoesNotContain("   at ", response.Text);

        var version = query.Contains("VERSION=1.1.1", StringComparison.Ordinal) ? "1.1.1" : "1.3.0";
        if (version == "1.3.0")
        {
            Assert.StartsWith("text/xml", response.ContentType);
            var errors = WmsSchemas.ValidateXsd(response.Text, WmsSchemas.Exceptions130);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        else
        {
            Assert.StartsWith("application/vnd.ogc.se_xml", response.ContentType);
            Assert.Empty(WmsSchemas.ValidateDtd(response.Text));
        }

        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.WmsAsync(Map)).Status);
        Assert.True(await server.ScalarAsync<bool>("SELECT to_regclass('data.land') IS NOT NULL"));
    }

    [Fact]
    public async Task Inimage_draws_the_message_into_an_image_of_the_requested_size_and_format()
    {
        var response = await server.WmsAsync(Map.Replace("LAYERS=protected_areas", "LAYERS=nope").Replace("WIDTH=64&HEIGHT=64", "WIDTH=300&HEIGHT=120") + "&EXCEPTIONS=INIMAGE&TRANSPARENT=TRUE");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("image/png", response.ContentType);
        using var image = Decode(response.Body);
        Assert.Equal((300, 120), (image.Width, image.Height));
        var red = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var c = image.GetPixel(x, y);
                red += c.Alpha > 200 && c.Red > 120 && c.Green < 80 ? 1 : 0;
            }
        }

        Assert.True(red > 100, $"the message should be drawn ({red} red pixels)");

        var jpeg = await server.WmsAsync(Map111.Replace("SRS=EPSG:4326", "SRS=EPSG:2000").Replace("FORMAT=image/png", "FORMAT=image/jpeg") + "&EXCEPTIONS=application/vnd.ogc.se_inimage");
        Assert.Equal("image/jpeg", jpeg.ContentType);
    }

    [Fact]
    public async Task Blank_returns_an_empty_image()
    {
        var transparent = await server.WmsAsync(Map.Replace("CRS=EPSG:4326", "CRS=EPSG:2000") + "&EXCEPTIONS=BLANK&TRANSPARENT=TRUE");
        Assert.Equal(HttpStatusCode.OK, transparent.Status);
        using var empty = Decode(transparent.Body);
        Assert.Equal(0, Opaque(empty));

        var coloured = await server.WmsAsync(Map111.Replace("LAYERS=protected_areas", "LAYERS=nope") + "&EXCEPTIONS=application/vnd.ogc.se_blank&BGCOLOR=0x00FF00");
        using var green = Decode(coloured.Body);
        Assert.Equal(new SKColor(0, 255, 0, 255), green.GetPixel(10, 10));
    }

    [Fact]
    public async Task Unusable_image_parameters_fall_back_to_the_xml_report()
    {
        var response = await server.WmsAsync(Map.Replace("WIDTH=64", "WIDTH=99999") + "&EXCEPTIONS=INIMAGE");
        AssertServiceException(response, "InvalidParameterValue");
    }

    [Fact]
    public async Task Exceptions_of_1_1_1_are_valid_against_their_dtd()
    {
        var response = await server.WmsAsync(Map111.Replace("SRS=EPSG:4326", "SRS=EPSG:2000"));
        AssertServiceException(response, "InvalidSRS");
        Assert.Contains("<!DOCTYPE ServiceExceptionReport", response.Text);
        Assert.Empty(WmsSchemas.ValidateDtd(response.Text));
        Assert.Equal("1.1.1", XDocument.Parse(response.Text).Root!.Attribute("version")?.Value);
    }
}
