using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using EnvGis.Ows.Tests.Schemas;
using EnvGis.Server.Tests.Infrastructure;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.Ows;

[Collection("server")]
public sealed class WfsGetFeatureTests(ServerFixture server)
{
    [Fact]
    public async Task Describe_feature_type_and_gml32_get_feature_validate_for_every_layer()
    {
        var layers = await server.PublicLayersAsync();
        var xsd = await server.GetOkAsync("service=WFS&version=2.0.0&request=DescribeFeatureType");
        var schemas = OgcSchemas.Load([OgcSchemas.Wfs20, OgcSchemas.Gml32], [xsd]);
        foreach (var layer in layers)
        {
            var single = await server.GetOkAsync($"service=WFS&version=2.0.0&request=DescribeFeatureType&typeName={layer}");
            Assert.Contains($"name=\"{layer}\"", single, StringComparison.Ordinal);
            var xml = await server.GetOkAsync($"service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:{layer}&count=50");
            OgcSchemas.AssertValid(xml, schemas);
            var root = XElement.Parse(xml);
            var expected = Math.Min(50, await server.PublicCountAsync(layer));
            Assert.Equal(expected.ToString(), root.Attribute("numberReturned")!.Value);
            Assert.Equal(expected, root.Elements(Wfs20 + "member").Count());
            Assert.All(root.Elements(Wfs20 + "member"), m => Assert.StartsWith(layer + ".", m.Elements().Single().Attribute(Gml32 + "id")!.Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Wfs_11_gml311_get_feature_validates_and_counts()
    {
        var xsd = await server.GetOkAsync("service=WFS&version=1.1.0&request=DescribeFeatureType&typeName=envgis:communes,envgis:rivers,envgis:monitoring_stations");
        Assert.Contains("gml:_Feature", xsd, StringComparison.Ordinal);
        var schemas = OgcSchemas.Load([OgcSchemas.Wfs11, OgcSchemas.Gml311], [xsd]);
        foreach (var layer in new[] { "communes", "rivers", "monitoring_stations" })
        {
            var xml = await server.GetOkAsync($"service=WFS&version=1.1.0&request=GetFeature&typeName=envgis:{layer}&maxFeatures=20");
            OgcSchemas.AssertValid(xml, schemas);
            var root = XElement.Parse(xml);
            Assert.Equal(Math.Min(20, await server.PublicCountAsync(layer)).ToString(), root.Attribute("numberOfFeatures")!.Value);
        }

        var hits = XElement.Parse(await server.GetOkAsync("service=WFS&version=1.1.0&request=GetFeature&typeName=envgis:communes&resultType=hits"));
        Assert.Equal((await server.PublicCountAsync("communes")).ToString(), hits.Attribute("numberOfFeatures")!.Value);
    }

    [Fact]
    public async Task Wfs_10_get_feature_writes_gml2()
    {
        var xml = await server.GetOkAsync("service=WFS&version=1.0.0&request=GetFeature&typeName=envgis:monitoring_stations&maxFeatures=2");
        Assert.Contains("fid=\"monitoring_stations.", xml, StringComparison.Ordinal);
        Assert.Contains("<gml:coordinates", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeoJson_returns_every_public_record_with_layer_dot_id_ids()
    {
        foreach (var layer in await server.PublicLayersAsync())
        {
            using var json = await server.GeoJsonAsync($"typeNames=envgis:{layer}&count=100000");
            var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(await server.PublicCountAsync(layer), features.Count);
            Assert.Equal(features.Count, json.RootElement.GetProperty("numberMatched").GetInt64());
            Assert.All(features, f => Assert.Matches($"^{layer}\\.[0-9]+$", f.GetProperty("id").GetString()));
            Assert.All(features, f => Assert.Equal("published", f.GetProperty("properties").GetProperty("status").GetString()));
        }
    }

    [Fact]
    public async Task Paging_returns_every_feature_exactly_once_in_both_encodings_and_follows_next()
    {
        var total = await server.PublicCountAsync("communes");
        var ids = new List<string>();
        for (var start = 0; start < total; start += 9)
        {
            using var page = await server.GeoJsonAsync($"typeNames=envgis:communes&count=9&startIndex={start}");
            ids.AddRange(page.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
        }

        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        var expected = await server.ScalarAsync<string>("SELECT string_agg('communes.' || id, ',' ORDER BY id) FROM data.communes WHERE status = 'published' AND NOT restricted");
        Assert.Equal(expected, string.Join(',', ids));

        // GML 3.2 through the next links.
        var gmlIds = new List<string>();
        var url = "/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:communes&count=25";
        while (url is not null)
        {
            var root = XElement.Parse(await server.Client.GetStringAsync(url));
            gmlIds.AddRange(root.Elements(Wfs20 + "member").Select(m => m.Elements().Single().Attribute(Gml32 + "id")!.Value));
            url = root.Attribute("next")?.Value;
            Assert.True(gmlIds.Count <= total, "next links loop");
        }

        Assert.Equal(ids, gmlIds);
    }

    [Fact]
    public async Task Hits_count_and_default_count()
    {
        var hits = XElement.Parse(await server.GetOkAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:communes&resultType=hits"));
        Assert.Equal((await server.PublicCountAsync("communes")).ToString(), hits.Attribute("numberMatched")!.Value);
        Assert.Equal("0", hits.Attribute("numberReturned")!.Value);
        Assert.Empty(hits.Elements());
        var several = XElement.Parse(await server.GetOkAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:communes,envgis:rivers&resultType=hits"));
        Assert.Equal((await server.PublicCountAsync("communes") + await server.PublicCountAsync("rivers")).ToString(), several.Attribute("numberMatched")!.Value);
    }

    [Fact]
    public async Task Several_type_names_page_over_their_concatenation()
    {
        var rivers = await server.PublicCountAsync("rivers");
        using var json = await server.GeoJsonAsync($"typeNames=envgis:rivers,envgis:coastline&count=100000&startIndex={rivers - 1}");
        var ids = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
        Assert.StartsWith("rivers.", ids[0], StringComparison.Ordinal);
        Assert.All(ids.Skip(1), id => Assert.StartsWith("coastline.", id, StringComparison.Ordinal));
        Assert.Equal(1 + await server.PublicCountAsync("coastline"), ids.Count);
    }

    [Fact]
    public async Task SortBy_with_several_keys_matches_the_database_order()
    {
        using var json = await server.GeoJsonAsync("typeNames=envgis:communes&count=1000&sortBy=kind DESC,name ASC");
        var ids = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        var expected = await server.ScalarAsync<string>(
            "SELECT string_agg('communes.' || id, ',' ORDER BY kind DESC NULLS LAST, name ASC NULLS FIRST, id) FROM data.communes WHERE status = 'published' AND NOT restricted");
        Assert.Equal(expected, string.Join(',', ids));
    }

    [Fact]
    public async Task PropertyName_projects_but_keeps_mandatory_properties()
    {
        using var json = await server.GeoJsonAsync("typeNames=envgis:communes&count=3&propertyName=population");
        var feature = json.RootElement.GetProperty("features")[0];
        Assert.Equal(["code", "name", "kind", "population", "status"], feature.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, feature.GetProperty("geometry").ValueKind);
        await server.AssertExceptionAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=envgis:communes&propertyName=owner_unit", HttpStatusCode.BadRequest, "InvalidParameterValue", "propertyName");
    }

    [Fact]
    public async Task Stored_queries_and_get_feature_by_id()
    {
        var list = await server.GetOkAsync("service=WFS&version=2.0.0&request=ListStoredQueries");
        OgcSchemas.AssertValid(list, OgcSchemas.Load([OgcSchemas.Wfs20]));
        Assert.Contains("urn:ogc:def:query:OGC-WFS::GetFeatureById", list, StringComparison.Ordinal);
        var describe = await server.GetOkAsync("service=WFS&version=2.0.0&request=DescribeStoredQueries&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById");
        OgcSchemas.AssertValid(describe, OgcSchemas.Load([OgcSchemas.Wfs20]));

        var id = await server.ScalarAsync<long>("SELECT min(id) FROM data.communes WHERE status = 'published'");
        var feature = XElement.Parse(await server.GetOkAsync($"service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=communes.{id}"));
        Assert.Equal(Envgis + "communes", feature.Name);
        Assert.Equal($"communes.{id}", feature.Attribute(Gml32 + "id")!.Value);
        await server.AssertExceptionAsync("service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=communes.999999999", HttpStatusCode.NotFound, "NotFound");

        using var byResource = await server.GeoJsonAsync($"resourceId=communes.{id},rivers.999999999");
        Assert.Equal($"communes.{id}", Assert.Single(byResource.RootElement.GetProperty("features").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_property_value_lists_values()
    {
        var xml = await server.GetOkAsync("service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=envgis:communes&valueReference=name&count=5&sortBy=name");
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([OgcSchemas.Wfs20]));
        var members = XElement.Parse(xml).Elements(Wfs20 + "member").Select(m => m.Value).ToList();
        var expected = await server.ScalarAsync<string>(
            "SELECT string_agg(name, '|' ORDER BY name, id) FROM (SELECT name, id FROM data.communes WHERE status = 'published' AND NOT restricted ORDER BY name, id LIMIT 5) x");
        Assert.Equal(expected, string.Join('|', members));
        var geometries = await server.GetOkAsync("service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=envgis:rivers&valueReference=geom&count=2");
        OgcSchemas.AssertValid(geometries, OgcSchemas.Load([OgcSchemas.Wfs20, OgcSchemas.Gml32]));
    }

    [Fact]
    public async Task Xml_post_get_feature_works_like_kvp()
    {
        const string body = """
            <wfs:GetFeature xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" service="WFS" version="2.0.0" count="5" outputFormat="application/json">
              <wfs:Query typeNames="envgis:communes">
                <fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>kind</fes:ValueReference><fes:Literal>ward</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>
              </wfs:Query>
            </wfs:GetFeature>
            """;
        using var response = await server.Client.PostAsync("/ows", new StringContent(body, System.Text.Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(await server.PublicCountAsync("communes", "kind = 'ward'"), json.RootElement.GetProperty("numberMatched").GetInt64());
        Assert.All(json.RootElement.GetProperty("features").EnumerateArray(), f => Assert.Equal("ward", f.GetProperty("properties").GetProperty("kind").GetString()));
    }
}
