using System.Text;
using System.Xml.Linq;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Gml;
using EnvGis.Ows.Tests.Schemas;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace EnvGis.Ows.Tests.Gml;

public sealed class GmlGeometryTests
{
    private static readonly Geometry MultiPolygon = new WKTReader().Read(
        "MULTIPOLYGON(((106 20, 107 20, 107 21, 106 20), (106.5 20.2, 106.9 20.2, 106.9 20.6, 106.5 20.2)), ((105 19, 105.5 19, 105.5 19.5, 105 19)))");

    private static string Write(Geometry geometry, GmlVersion version, bool latLon, string srsName)
    {
        using var stream = new MemoryStream();
        using (var xml = System.Xml.XmlWriter.Create(stream, OwsXml.WriterSettings))
        {
            xml.WriteStartElement("root");
            xml.WriteAttributeString("xmlns", "gml", null, GmlNamespaces.Of(version));
            xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
            new GmlGeometryWriter(version, latLon, 9, srsName).Write(xml, geometry, "zones.1.geom");
            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Gml32_multisurface_has_unique_ids_and_lat_lon_when_asked()
    {
        var xml = Write(MultiPolygon, GmlVersion.Gml32, true, "urn:ogc:def:crs:EPSG::4326");
        var root = XElement.Parse(xml);
        var ids = root.Descendants().Select(e => e.Attribute(XName.Get("id", GmlNamespaces.Gml32))?.Value).Where(v => v is not null).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.StartsWith("20 106 20 107", root.Descendants().First(e => e.Name.LocalName == "posList").Value, StringComparison.Ordinal);
        Assert.Equal("MultiSurface", root.Elements().Single().Name.LocalName);
        Assert.Single(root.Descendants(), e => e.Name.LocalName == "interior");
    }

    [Fact]
    public void Written_gml_reads_back_to_the_same_geometry_in_each_version()
    {
        foreach (var (version, latLon, srs) in new[] { (GmlVersion.Gml32, true, "urn:ogc:def:crs:EPSG::4326"), (GmlVersion.Gml31, false, "EPSG:4326"), (GmlVersion.Gml2, false, "EPSG:4326") })
        {
            var element = XElement.Parse(Write(MultiPolygon, version, latLon, srs)).Elements().Single();
            var read = new GmlGeometryReader(CrsReference.Default).Read(element, "filter");
            Assert.True(read.Geometry.EqualsExact(MultiPolygon), $"{version}: {read.Geometry}");
            Assert.Equal(4326, read.Geometry.SRID);
        }
    }

    [Fact]
    public void Written_gml32_geometry_is_schema_valid()
    {
        var xml = Write(MultiPolygon, GmlVersion.Gml32, true, "urn:ogc:def:crs:EPSG::4326");
        OgcSchemas.AssertValid(Standalone(xml), OgcSchemas.Load([OgcSchemas.Gml32]));
        var lines = new WKTReader().Read("MULTILINESTRING((106 20, 107 21), (105 19, 105.5 19.5))");
        OgcSchemas.AssertValid(Standalone(Write(lines, GmlVersion.Gml32, false, "EPSG:4326")), OgcSchemas.Load([OgcSchemas.Gml32]));
    }

    private static string Standalone(string wrapped)
    {
        var element = XElement.Parse(wrapped).Elements().Single();
        element.SetAttributeValue(XNamespace.Xmlns + "xlink", OwsXml.Xlink);
        return element.ToString(SaveOptions.DisableFormatting);
    }

    [Fact]
    public void Envelopes_in_projected_crs_are_easting_northing()
    {
        var envelope = XElement.Parse("<gml:Envelope xmlns:gml=\"http://www.opengis.net/gml/3.2\" srsName=\"urn:ogc:def:crs:EPSG::9210\"><gml:lowerCorner>598000 2306000</gml:lowerCorner><gml:upperCorner>599000 2307000</gml:upperCorner></gml:Envelope>");
        var read = new GmlGeometryReader(CrsReference.Default).Read(envelope, "filter");
        Assert.Equal(9210, read.Geometry.SRID);
        Assert.Equal(598000, read.Geometry.EnvelopeInternal.MinX);
        Assert.Equal(2306000, read.Geometry.EnvelopeInternal.MinY);
    }
}
