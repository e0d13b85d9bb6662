using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Tests.Crs;

public sealed class CrsReferenceTests
{
    [Theory]
    [InlineData("EPSG:4326", 4326, false)]
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#4326", 4326, false)]
    [InlineData("urn:ogc:def:crs:EPSG::4326", 4326, true)]
    [InlineData("urn:ogc:def:crs:EPSG:6.6:4326", 4326, true)]
    [InlineData("urn:x-ogc:def:crs:EPSG:4326", 4326, true)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true)]
    [InlineData("CRS:84", 4326, false)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", 4326, false)]
    [InlineData("urn:ogc:def:crs:EPSG::4756", 4756, true)]
    [InlineData("EPSG:4756", 4756, false)]
    [InlineData("urn:ogc:def:crs:EPSG::3857", 3857, false)]
    [InlineData("urn:ogc:def:crs:EPSG::3405", 3405, false)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/9209", 9209, false)]
    [InlineData("EPSG:9210", 9210, false)]
    public void Axis_order_follows_the_way_the_crs_is_written(string name, int srid, bool latLon)
    {
        var crs = CrsReference.Parse(name, "srsName");
        Assert.Equal(srid, crs.Srid);
        Assert.Equal(latLon, crs.LatLon);
    }

    [Fact]
    public void Wfs_10_is_always_x_y_and_output_names_match_the_order_written()
    {
        Assert.False(CrsReference.Parse("urn:ogc:def:crs:EPSG::4326", "srsName", forceXy: true).LatLon);
        Assert.Equal("urn:ogc:def:crs:EPSG::4326", CrsReference.Parse("http://www.opengis.net/def/crs/EPSG/0/4326", "srsName").OutputName);
        Assert.Equal("EPSG:4326", CrsReference.Parse("EPSG:4326", "srsName").OutputName);
        Assert.Equal("urn:ogc:def:crs:EPSG::9210", CrsReference.Parse("EPSG:9210", "srsName").OutputName);
    }

    [Theory]
    [InlineData("EPSG:2154")]
    [InlineData("EPSG:4326'; --")]
    [InlineData("nonsense")]
    public void Crs_not_offered_is_refused_with_the_locator(string name)
    {
        var e = Assert.Throws<OwsException>(() => CrsReference.Parse(name, "srsName"));
        Assert.Equal(("InvalidParameterValue", "srsName"), (e.Code, e.Locator));
    }
}
