using System.Globalization;
using System.Net;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Wms.WmsTestSupport;

namespace EnvGis.Server.Tests.Wms;

/// <summary>GetCapabilities 1.3.0 and 1.1.1: validity, the layer tree, CRSs and boxes, time, attribution, styles.</summary>
[Collection("server")]
public sealed class WmsCapabilitiesTests(ServerFixture server)
{
    private static readonly string[] Crss = ["EPSG:4326", "EPSG:3857", "EPSG:4756", "EPSG:3405", "EPSG:9209", "EPSG:9210", "CRS:84"];
    private static readonly string[] OsmLayers = ["land", "coastline", "communes", "river_basins"];

    [Theory]
    [InlineData("")]
    [InlineData("&LANGUAGE=en")]
    public async Task Capabilities_1_3_0_are_valid_against_the_official_schema(string language)
    {
        var response = await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0" + language, "text/xml");
        var errors = WmsSchemas.ValidateXsd(response.Text, WmsSchemas.Capabilities130, WmsSchemas.SldCapabilities);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        Assert.Equal("1.3.0", XDocument.Parse(response.Text).Root!.Attribute("version")?.Value);
    }

    [Fact]
    public async Task Capabilities_1_1_1_are_valid_against_the_official_dtd()
    {
        var response = await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1", "application/vnd.ogc.wms_xml");
        Assert.Contains("<!DOCTYPE WMT_MS_Capabilities SYSTEM \"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\"", response.Text);
        var errors = WmsSchemas.ValidateDtd(response.Text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public async Task Without_a_version_the_highest_is_served_and_an_older_one_negotiates_down()
    {
        var latest = await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities");
        Assert.Equal("1.3.0", XDocument.Parse(latest.Text).Root!.Attribute("version")?.Value);
        var older = await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.2.0");
        Assert.Equal("1.1.1", XDocument.Parse(older.Text, LoadOptions.None).Root!.Attribute("version")?.Value);
        var viaOws = await server.WmsAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", "/ows");
        Assert.Equal(HttpStatusCode.OK, viaOws.Status);
        Assert.Contains("<WMS_Capabilities", viaOws.Text);
    }

    [Fact]
    public async Task Layers_are_nested_by_Article_5_category_with_titles_in_both_languages()
    {
        var vi = XDocument.Parse((await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")).Text);
        var en = XDocument.Parse((await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0&LANGUAGE=en")).Text);
        var publicLayers = await server.ListAsync<string>("SELECT name FROM catalogue.layers WHERE NOT restricted ORDER BY name");
        var named = NamedLayers(vi);
        Assert.Equal(publicLayers, named.Keys.Order());
        Assert.DoesNotContain("species_occurrences", named.Keys);

        foreach (var name in publicLayers)
        {
            var row = (await server.ListAsync<string[]>(
                "SELECT ARRAY[l.title_vi, l.title_en, c.title_vi, c.title_en, l.abstract_vi, l.abstract_en] FROM catalogue.layers l JOIN catalogue.categories c ON c.id = l.category WHERE l.name = $1",
                name)).Single();
            var layer = named[name];
            Assert.Equal(row[0], layer.Element(WmsNs + "Title")?.Value);
            Assert.Equal(row[2], ((XElement)layer.Parent!).Element(WmsNs + "Title")?.Value);
            Assert.Null(((XElement)layer.Parent!).Element(WmsNs + "Name"));
            Assert.Contains(row[4], layer.Element(WmsNs + "Abstract")?.Value);
            Assert.Contains(row[5], layer.Element(WmsNs + "Abstract")?.Value);
            var english = NamedLayers(en)[name];
            Assert.Equal(row[1], english.Element(WmsNs + "Title")?.Value);
            Assert.Equal(row[3], ((XElement)english.Parent!).Element(WmsNs + "Title")?.Value);
            Assert.Equal("1", layer.Attribute("queryable")?.Value);
        }
    }

    [Fact]
    public async Task The_root_layer_lists_every_crs_and_each_layer_has_a_box_per_crs_in_the_right_axis_order()
    {
        var doc = XDocument.Parse((await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")).Text);
        var root = doc.Root!.Element(WmsNs + "Capability")!.Element(WmsNs + "Layer")!;
        Assert.Equal(Crss.Order(), root.Elements(WmsNs + "CRS").Select(c => c.Value).Order());
        foreach (var (name, layer) in NamedLayers(doc))
        {
            var boxes = layer.Elements(WmsNs + "BoundingBox").ToDictionary(b => b.Attribute("CRS")!.Value, b => new[]
            {
                D(b, "minx"), D(b, "miny"), D(b, "maxx"), D(b, "maxy"),
            });
            Assert.Equal(Crss.Order(), boxes.Keys.Order());
            var geo = layer.Element(WmsNs + "EX_GeographicBoundingBox")!;
            var west = double.Parse(geo.Element(WmsNs + "westBoundLongitude")!.Value, CultureInfo.InvariantCulture);
            var south = double.Parse(geo.Element(WmsNs + "southBoundLatitude")!.Value, CultureInfo.InvariantCulture);
            // EPSG:4326 in 1.3.0 is lat/lon: minx is the southern latitude; CRS:84 is lon/lat.
            Assert.Equal(south, boxes["EPSG:4326"][0], 6);
            Assert.Equal(west, boxes["EPSG:4326"][1], 6);
            Assert.Equal(west, boxes["CRS:84"][0], 6);
            Assert.True(boxes["EPSG:3857"][0] > 11_000_000, $"{name}: 3857 x is easting");
            Assert.True(boxes["EPSG:9210"][1] > 2_000_000, $"{name}: 9210 y is northing");
        }

        // The box in EPSG:3857 agrees with PostGIS.
        var extent = await server.ListAsync<double>("""
            SELECT unnest(ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)])
            FROM (SELECT ST_Transform(ST_Expand(ST_SetSRID(ST_Extent(geom)::geometry, 4326), 0.0005), 3857)::box2d AS b
                  FROM data.protected_areas WHERE status = 'published' AND NOT restricted) AS t
            """);
        var park = NamedLayers(doc)["protected_areas"].Elements(WmsNs + "BoundingBox").Single(b => b.Attribute("CRS")!.Value == "EPSG:3857");
        Assert.Equal(extent[0], D(park, "minx"), 0);
        Assert.Equal(extent[3], D(park, "maxy"), 0);
    }

    [Fact]
    public async Task Layers_with_validity_periods_have_a_time_dimension()
    {
        var doc = XDocument.Parse((await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")).Text);
        var withTime = new List<string>();
        foreach (var name in NamedLayers(doc).Keys)
        {
            var span = await server.ScalarAsync<string>(
                "SELECT coalesce(to_char(LEAST(min(valid_from), min(valid_to)), 'YYYY-MM-DD') || '/' || to_char(GREATEST(max(valid_from), max(valid_to)), 'YYYY-MM-DD'), '') " +
                $"FROM data.\"{name}\" WHERE status = 'published' AND NOT restricted");
            var dimension = NamedLayers(doc)[name].Element(WmsNs + "Dimension");
            if (span.Length > 0)
            {
                withTime.Add(name);
                Assert.NotNull(dimension);
                Assert.Equal("time", dimension.Attribute("name")?.Value);
                Assert.Equal("ISO8601", dimension.Attribute("units")?.Value);
                Assert.Equal(span + "/P1D", dimension.Value);
            }
            else
            {
                Assert.Null(dimension);
            }
        }

        Assert.Contains("communes", withTime);
        Assert.DoesNotContain("protected_areas", withTime);

        var old = XDocument.Parse((await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1")).Text);
        var communes = old.Descendants("Layer").Single(l => l.Element("Name")?.Value == "communes");
        Assert.Equal("time", communes.Element("Dimension")?.Attribute("name")?.Value);
        Assert.Equal("time", communes.Element("Extent")?.Attribute("name")?.Value);
    }

    [Fact]
    public async Task OpenStreetMap_derived_layers_carry_the_attribution()
    {
        foreach (var version in new[] { "1.3.0", "1.1.1" })
        {
            var doc = XDocument.Parse((await server.WmsOkAsync($"SERVICE=WMS&REQUEST=GetCapabilities&VERSION={version}")).Text);
            var ns = version == "1.3.0" ? WmsNs : XNamespace.None;
            foreach (var layer in doc.Descendants(ns + "Layer").Where(l => l.Element(ns + "Name") is not null))
            {
                var name = layer.Element(ns + "Name")!.Value;
                var attribution = layer.Element(ns + "Attribution");
                if (OsmLayers.Contains(name))
                {
                    Assert.Equal("© OpenStreetMap contributors", attribution?.Element(ns + "Title")?.Value);
                    Assert.Equal("https://www.openstreetmap.org/copyright", attribution?.Element(ns + "OnlineResource")?.Attribute(Xlink + "href")?.Value);
                }
                else
                {
                    Assert.Null(attribution);
                }
            }
        }
    }

    [Fact]
    public async Task Every_layer_has_its_style_with_a_working_legend_url_of_the_advertised_size()
    {
        var doc = XDocument.Parse((await server.WmsOkAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")).Text);
        foreach (var (name, layer) in NamedLayers(doc))
        {
            var style = Assert.Single(layer.Elements(WmsNs + "Style"));
            Assert.Equal(name, style.Element(WmsNs + "Name")?.Value);
            var legend = style.Element(WmsNs + "LegendURL")!;
            Assert.Equal("image/png", legend.Element(WmsNs + "Format")?.Value);
            var href = new Uri(legend.Element(WmsNs + "OnlineResource")!.Attribute(Xlink + "href")!.Value);
            using var response = await server.Client.GetAsync(href.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var image = Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(int.Parse(legend.Attribute("width")!.Value), image.Width);
            Assert.Equal(int.Parse(legend.Attribute("height")!.Value), image.Height);
        }
    }

    [Fact]
    public async Task Online_resources_follow_the_forwarded_host()
    {
        var response = await server.WmsAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", configure: r =>
        {
            r.Headers.Add("X-Forwarded-Host", "maps.example.vn");
            r.Headers.Add("X-Forwarded-Proto", "https");
        });
        Assert.Contains("xlink:href=\"https://maps.example.vn/wms?\"", response.Text);
    }

    private static Dictionary<string, XElement> NamedLayers(XDocument doc) =>
        doc.Descendants(WmsNs + "Layer").Where(l => l.Element(WmsNs + "Name") is not null)
            .ToDictionary(l => l.Element(WmsNs + "Name")!.Value);

    private static double D(XElement box, string attribute) => double.Parse(box.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
