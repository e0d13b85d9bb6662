using System.Net;
using System.Xml.Linq;
using EnvGis.Ows.Tests.Schemas;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wmts;

/// <summary>WMTS 1.0.0: capabilities valid against the official schema, GetTile in KVP and REST from the cache, visibility, bad requests.</summary>
[Collection("server")]
public sealed class WmtsTests(ServerFixture server)
{
    public const string CapabilitiesSchema = "http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd";
    private static readonly XNamespace Wmts = "http://www.opengis.net/wmts/1.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    [Theory]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities")]
    [InlineData("/ows?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0")]
    [InlineData("/wmts/1.0.0/WMTSCapabilities.xml")]
    public async Task Capabilities_are_valid_and_offer_both_matrix_sets_and_the_public_layers(string path)
    {
        var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([CapabilitiesSchema]));
        var root = XElement.Parse(xml);
        var sets = root.Element(Wmts + "Contents")!.Elements(Wmts + "TileMatrixSet").ToList();
        Assert.Equal(["WebMercatorQuad", "VN2000TM3HaiPhong"], sets.Select(s => s.Element(Ows + "Identifier")!.Value));
        Assert.Equal("urn:ogc:def:crs:EPSG::9210", sets[1].Element(Ows + "SupportedCRS")!.Value);
        var layers = root.Descendants(Wmts + "Layer").Select(l => l.Element(Ows + "Identifier")!.Value).ToList();
        Assert.Contains("protected_areas", layers);
        Assert.Contains("land", layers);
        Assert.DoesNotContain("species_occurrences", layers);
        var template = root.Descendants(Wmts + "ResourceURL").First().Attribute("template")!.Value;
        Assert.StartsWith(new Uri(server.BaseUrl, "/wmts/1.0.0/").ToString(), template);
        Assert.Contains("{TileMatrix}/{TileRow}/{TileCol}.png?v=p", template);
    }

    [Fact]
    public async Task A_tile_over_Cat_Ba_is_drawn_in_the_layer_style_and_KVP_and_REST_give_the_same_cached_image()
    {
        var (x, y) = TileMath.TileOf(107.05, 20.80, 12);
        var kvp = await server.Client.GetAsync(
            $"/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=protected_areas&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=12&TILEROW={y}&TILECOL={x}");
        Assert.Equal(HttpStatusCode.OK, kvp.StatusCode);
        Assert.Equal("image/png", kvp.Content.Headers.ContentType?.MediaType);
        var image = await kvp.Content.ReadAsByteArrayAsync();
        using (var bitmap = Decode(image))
        {
            Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
            Assert.True(Opaque(bitmap) > 256 * 256 / 4, "the national park should cover much of the tile");
        }

        var rest = await server.Client.GetAsync($"/wmts/1.0.0/protected_areas/default/WebMercatorQuad/12/{y}/{x}.png");
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal("hit", rest.Headers.GetValues("X-Tile-Cache").Single());
        Assert.Equal(image, await rest.Content.ReadAsByteArrayAsync());

        var jpeg = await server.Client.GetAsync($"/wmts/1.0.0/protected_areas/default/WebMercatorQuad/12/{y}/{x}.jpg");
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_tile_of_the_VN2000_matrix_set_covers_its_easting_and_northing()
    {
        // Where Cát Bà national park lies in VN-2000 / TM-3 105-45, as PostGIS transforms it.
        var en = await server.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_X(p), ST_Y(p)] FROM ST_Transform(ST_SetSRID(ST_MakePoint(107.05, 20.80), 4326), 9210) AS p");
        var (e, n) = (en[0], en[1]);
        const int level = 8;
        var resolution = 1024.0 / (1 << level);
        var column = (long)((e - 400_000) / (256 * resolution));
        var row = (long)((2_500_000 - n) / (256 * resolution));
        var response = await server.Client.GetAsync($"/wmts/1.0.0/protected_areas/default/VN2000TM3HaiPhong/{level}/{row}/{column}.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var bitmap = Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.True(Opaque(bitmap) > 0, "the park should show in its VN-2000 tile");
    }

    [Fact]
    public async Task Restricted_layers_follow_the_same_rules_as_WMS()
    {
        var anonymous = await server.Client.GetAsync(
            "/wmts/1.0.0/species_occurrences/default/WebMercatorQuad/10/451/815.png");
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.Contains("InvalidParameterValue", await anonymous.Content.ReadAsStringAsync());

        using var admin = server.Admin();
        var capabilities = XElement.Parse(await admin.GetStringAsync("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"));
        Assert.Contains("species_occurrences", capabilities.Descendants(Wmts + "Layer").Select(l => l.Element(Ows + "Identifier")!.Value));
        var own = await admin.GetAsync("/wmts/1.0.0/species_occurrences/default/WebMercatorQuad/10/451/815.png");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(own.Headers.CacheControl is { Private: true, NoCache: true }, own.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=land&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=8&TILECOL=0", "TileOutOfRange", "TILEROW")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=land&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=99&TILEROW=0&TILECOL=0", "InvalidParameterValue", "TILEMATRIX")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=land&STYLE=default&FORMAT=image/gif&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=0&TILECOL=0", "InvalidParameterValue", "FORMAT")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=land&STYLE=fancy&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=0&TILECOL=0", "InvalidParameterValue", "STYLE")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=nope&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=0&TILECOL=0", "InvalidParameterValue", "LAYER")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=land&STYLE=default&FORMAT=image/png&TILEMATRIXSET=EPSG:4326&TILEMATRIX=3&TILEROW=0&TILECOL=0", "InvalidParameterValue", "TILEMATRIXSET")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=land&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=-1&TILECOL=0", "InvalidParameterValue", "TILEROW")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=land&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=0", "MissingParameterValue", "TILECOL")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo", "OperationNotSupported", "request")]
    [InlineData("/wmts/1.0.0/land/default/VN2000TM3HaiPhong/2/9/0.png", "TileOutOfRange", "TILEROW")]
    [InlineData("/wmts/1.0.0/land/default/WebMercatorQuad/3/0/0.tiff", "InvalidParameterValue", "FORMAT")]
    public async Task Bad_requests_get_an_exception_report_with_the_code_and_locator(string path, string code, string locator)
    {
        var response = await server.Client.GetAsync(path);
        Assert.True((int)response.StatusCode is >= 400 and < 500 or 501, $"{(int)response.StatusCode}");
        var xml = await response.Content.ReadAsStringAsync();
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([OgcSchemas.Ows11Exceptions]));
        var exception = XElement.Parse(xml).Element(Ows + "Exception")!;
        Assert.Equal(code, exception.Attribute("exceptionCode")!.Value);
        Assert.Equal(locator, exception.Attribute("locator")?.Value, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_published_change_reaches_the_cached_WMTS_tile_at_once()
    {
        var square = new[] { 107.41, 20.65, 107.43, 20.67 };
        var (x, y) = TileMath.TileOf(107.42, 20.66, 13);
        var path = $"/wmts/1.0.0/polluted_zones/default/WebMercatorQuad/13/{y}/{x}.png";
        await server.Client.GetAsync(path);
        var before = await server.Client.GetAsync(path);
        Assert.Equal("hit", before.Headers.GetValues("X-Tile-Cache").Single());
        using (var empty = Decode(await before.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(0, Opaque(empty));
        }

        var id = await server.ScalarAsync<long>($"""
            INSERT INTO data.polluted_zones (name, pollution_type, severity, owner_unit, status, created_by, updated_by, geom)
            VALUES ('Vùng WMTS', 'air', 'high', 'so-nnmt', 'published', 'test', 'test', ST_Multi(ST_MakeEnvelope({Box(square)}, 4326)))
            RETURNING id
            """);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var after = await server.Client.GetAsync(path);
            using var bitmap = Decode(await after.Content.ReadAsByteArrayAsync());
            if (Opaque(bitmap) > 256 * 256 / 10)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the WMTS tile never showed the new zone");
            await Task.Delay(100);
        }

        Assert.True(id > 0);
    }
}
