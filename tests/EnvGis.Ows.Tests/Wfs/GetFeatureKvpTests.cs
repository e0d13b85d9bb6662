using EnvGis.Ows.Dispatch;
using EnvGis.Core.Filters;
using EnvGis.Ows.Filters;
using EnvGis.Ows.Wfs;
using EnvGis.Ows.Wfs.GetFeature;
using NetTopologySuite.Geometries;

namespace EnvGis.Ows.Tests.Wfs;

public sealed class GetFeatureKvpTests
{
    private static GetFeatureRequest Parse(string version, params (string Key, string Value)[] pairs) =>
        GetFeatureKvp.Parse(new KeyValueParameters(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))), version);

    [Fact]
    public void Wfs_20_parameters_are_read()
    {
        var request = Parse(WfsVersions.V200, ("TYPENAMES", "envgis:rivers,envgis:coastline"), ("count", "10"), ("StartIndex", "20"),
            ("SORTBY", "name DESC,length_km"), ("resultType", "hits"), ("outputFormat", "application/json"), ("srsName", "EPSG:3405"),
            ("PROPERTYNAME", "name"));
        Assert.Equal(2, request.Queries.Count);
        Assert.Equal(["envgis:coastline"], request.Queries[1].TypeNames);
        Assert.Equal((10L, 20L, ResultType.Hits), (request.Count!.Value, request.StartIndex, request.ResultType));
        Assert.True(request.Format.IsJson);
        Assert.Equal([new SortKey("name", true), new SortKey("length_km", false)], request.Queries[0].SortBy);
        Assert.Equal(3405, request.Queries[0].SrsName!.Srid);
        Assert.Equal(["name"], request.Queries[0].PropertyNames);
    }

    [Fact]
    public void Wfs_11_names_and_featureid_without_typename()
    {
        var request = Parse(WfsVersions.V110, ("typename", "envgis:rivers"), ("maxFeatures", "5"), ("sortBy", "name+D"));
        Assert.Equal(5, request.Count);
        Assert.True(request.Queries[0].SortBy[0].Descending);
        var byId = Parse(WfsVersions.V110, ("featureid", "rivers.1,coastline.2"));
        Assert.Equal(2, byId.Queries.Count);
        Assert.IsType<ResourceIdNode>(byId.Queries[0].Filter);
    }

    [Fact]
    public void Bbox_without_crs_uses_the_default_crs_lat_lon_and_with_epsg_is_x_y()
    {
        var latLon = (SpatialNode)Parse(WfsVersions.V200, ("typeNames", "envgis:rivers"), ("bbox", "20.5,106.1,21,107")).Queries[0].Filter!;
        Assert.Equal(106.1, latLon.Geometry.EnvelopeInternal.MinX);
        var xy = (SpatialNode)Parse(WfsVersions.V200, ("typeNames", "envgis:rivers"), ("bbox", "106.1,20.5,107,21,EPSG:4326")).Queries[0].Filter!;
        Assert.Equal(106.1, xy.Geometry.EnvelopeInternal.MinX);
        var wfs10 = (SpatialNode)Parse(WfsVersions.V100, ("typeName", "envgis:rivers"), ("bbox", "106.1,20.5,107,21")).Queries[0].Filter!;
        Assert.Equal(106.1, wfs10.Geometry.EnvelopeInternal.MinX);
        var projected = (SpatialNode)Parse(WfsVersions.V200, ("typeNames", "envgis:rivers"), ("bbox", "590000,2300000,600000,2310000,urn:ogc:def:crs:EPSG::9210")).Queries[0].Filter!;
        Assert.Equal(9210, projected.Geometry.SRID);
        Assert.Equal(590000, projected.Geometry.EnvelopeInternal.MinX);
    }

    [Fact]
    public void Filter_per_query_and_bbox_combine_with_and()
    {
        const string filter = "<Filter><PropertyIsEqualTo><ValueReference>name</ValueReference><Literal>(a)(b)</Literal></PropertyIsEqualTo></Filter>";
        var request = Parse(WfsVersions.V200, ("typeNames", "(envgis:rivers)(envgis:coastline)"), ("filter", $"({filter})({filter})"), ("bbox", "106,20,107,21,EPSG:4326"));
        Assert.Equal(2, request.Queries.Count);
        var and = Assert.IsType<AndNode>(request.Queries[1].Filter);
        Assert.Equal("(a)(b)", ((TextLiteral)((ComparisonNode)and.Operands[0]).Right).Text);
    }

    [Fact]
    public void Stored_query_get_feature_by_id()
    {
        var request = Parse(WfsVersions.V200, ("STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById"), ("ID", "rivers.7"));
        Assert.True(request.ById);
        Assert.Equal(["rivers"], request.Queries[0].TypeNames);
    }

    [Theory]
    [InlineData("count", "-1", "count")]
    [InlineData("count", "ten", "count")]
    [InlineData("startIndex", "1e3", "startIndex")]
    [InlineData("resultType", "all", "resultType")]
    [InlineData("outputFormat", "shape-zip", "outputFormat")]
    [InlineData("sortBy", "name SIDEWAYS", "sortBy")]
    [InlineData("bbox", "1,2,3", "bbox")]
    [InlineData("bbox", "3,2,1,0,EPSG:4326", "bbox")]
    [InlineData("srsName", "EPSG:99999", "srsName")]
    [InlineData("storedQuery_id", "urn:x:other", "storedQuery_Id")]
    public void Bad_parameters_name_their_locator(string key, string value, string locator)
    {
        var e = Assert.Throws<OwsException>(() => Parse(WfsVersions.V200, ("typeNames", "envgis:rivers"), (key, value)));
        Assert.Equal(locator, e.Locator);
    }

    [Fact]
    public void Joins_are_not_supported_and_missing_typenames_reported()
    {
        Assert.Equal(OwsException.OptionNotSupported, Assert.Throws<OwsException>(() => Parse(WfsVersions.V200, ("typeNames", "(envgis:rivers,envgis:coastline)"))).Code);
        Assert.Equal("typeNames", Assert.Throws<OwsException>(() => Parse(WfsVersions.V200, ("count", "1"))).Locator);
    }

    [Fact]
    public void Xml_get_feature_is_parsed_like_kvp()
    {
        var root = System.Xml.Linq.XElement.Parse("""
            <wfs:GetFeature xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"
                service="WFS" version="2.0.0" count="3" startIndex="1" resultType="results" outputFormat="application/json">
              <wfs:Query typeNames="envgis:rivers" srsName="urn:ogc:def:crs:EPSG::4326">
                <wfs:PropertyName>name</wfs:PropertyName>
                <fes:Filter><fes:BBOX><gml:Envelope><gml:lowerCorner>20 106</gml:lowerCorner><gml:upperCorner>21 107</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>
                <fes:SortBy><fes:SortProperty><fes:ValueReference>name</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy>
              </wfs:Query>
            </wfs:GetFeature>
            """);
        var request = GetFeatureXml.Parse(root, WfsVersions.V200);
        Assert.Equal((3L, 1L), (request.Count!.Value, request.StartIndex));
        var query = Assert.Single(request.Queries);
        Assert.Equal(["name"], query.PropertyNames);
        Assert.True(query.SortBy[0].Descending);
        var bbox = Assert.IsType<SpatialNode>(query.Filter);
        Assert.Equal(new Envelope(106, 107, 20, 21), bbox.Geometry.EnvelopeInternal);
    }
}
