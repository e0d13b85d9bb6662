using System.Text;
using System.Xml.Linq;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Ows.Gml;
using EnvGis.Ows.Tests.Schemas;
using EnvGis.Ows.Wfs.DescribeFeatureType;

namespace EnvGis.Ows.Tests.Wfs;

public sealed class FeatureSchemaWriterTests
{
    private static string Write(GmlVersion gml)
    {
        using var stream = new MemoryStream();
        using (var xml = System.Xml.XmlWriter.Create(stream, OwsXml.WriterSettings))
        {
            FeatureSchemaWriter.Write(xml, [FeatureType.Of(TestLayers.Stations), FeatureType.Of(TestLayers.Zones)], gml);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData(GmlVersion.Gml32, OgcSchemas.Gml32, "gml:AbstractFeature")]
    [InlineData(GmlVersion.Gml31, OgcSchemas.Gml311, "gml:_Feature")]
    public void Schema_compiles_against_official_gml_with_concrete_geometry_types(GmlVersion gml, string gmlSchema, string substitutionGroup)
    {
        var xsd = Write(gml);
        OgcSchemas.Load([gmlSchema], [xsd]);
        var schema = XElement.Parse(xsd);
        XNamespace xs = OwsXml.Xsd;
        Assert.Single(schema.Elements(xs + "import"));
        Assert.Empty(schema.Elements(xs + "include"));
        Assert.All(schema.Elements(xs + "element"), e => Assert.Equal(substitutionGroup, e.Attribute("substitutionGroup")!.Value));
        var types = schema.Descendants(xs + "element").Where(e => e.Attribute("name")?.Value == "geom").Select(e => e.Attribute("type")!.Value).ToList();
        Assert.Equal(["gml:PointPropertyType", "gml:MultiSurfacePropertyType"], types);
        var aqi = schema.Descendants(xs + "element").First(e => e.Attribute("name")?.Value == "aqi");
        Assert.Equal(("xsd:int", "0", "true"), (aqi.Attribute("type")!.Value, aqi.Attribute("minOccurs")!.Value, aqi.Attribute("nillable")!.Value));
        var name = schema.Descendants(xs + "element").First(e => e.Attribute("name")?.Value == "name");
        Assert.Equal("1", name.Attribute("minOccurs")!.Value);
        Assert.Contains(schema.Descendants(xs + "element"), e => e.Attribute("name")?.Value == "valid_to" && e.Attribute("type")?.Value == "xsd:date");
    }
}
