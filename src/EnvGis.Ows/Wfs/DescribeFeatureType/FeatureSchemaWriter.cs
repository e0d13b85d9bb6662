using System.Xml;
using EnvGis.Core.Catalogue;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Ows.Gml;

namespace EnvGis.Ows.Wfs.DescribeFeatureType;

/// <summary>
/// One self-contained XSD for the requested feature types (docs/ogc-clients.md): the envgis target
/// namespace, one import of GML, per type an element in gml:AbstractFeature (3.2) / gml:_Feature
/// (3.1.1, 2) whose type extends gml:AbstractFeatureType with simple XSD types and a concrete
/// geometry property type. Optional properties are minOccurs="0" nillable="true".
/// </summary>
public static class FeatureSchemaWriter
{
    public static void Write(XmlWriter xml, IReadOnlyList<FeatureType> types, GmlVersion gml)
    {
        var gmlNs = GmlNamespaces.Of(gml);
        xml.WriteStartDocument();
        xml.WriteStartElement("xsd", "schema", OwsXml.Xsd);
        xml.WriteAttributeString("xmlns", "gml", null, gmlNs);
        xml.WriteAttributeString("xmlns", FeatureType.Prefix, null, FeatureType.Namespace);
        xml.WriteAttributeString("targetNamespace", FeatureType.Namespace);
        xml.WriteAttributeString("elementFormDefault", "qualified");
        xml.WriteAttributeString("version", "1.0");
        xml.WriteStartElement("xsd", "import", OwsXml.Xsd);
        xml.WriteAttributeString("namespace", gmlNs);
        xml.WriteAttributeString("schemaLocation", SchemaLocation(gml));
        xml.WriteEndElement();

        foreach (var type in types)
        {
            xml.WriteStartElement("xsd", "complexType", OwsXml.Xsd);
            xml.WriteAttributeString("name", TypeName(type));
            xml.WriteStartElement("xsd", "complexContent", OwsXml.Xsd);
            xml.WriteStartElement("xsd", "extension", OwsXml.Xsd);
            xml.WriteAttributeString("base", "gml:AbstractFeatureType");
            xml.WriteStartElement("xsd", "sequence", OwsXml.Xsd);
            foreach (var property in type.Properties)
            {
                xml.WriteStartElement("xsd", "element", OwsXml.Xsd);
                xml.WriteAttributeString("name", property.Name);
                xml.WriteAttributeString("type", property.IsGeometry ? GeometryType(type.Layer.GeometryKind, gml) : "xsd:" + XsdValues.TypeName(property.Type));
                xml.WriteAttributeString("minOccurs", property.Required ? "1" : "0");
                xml.WriteAttributeString("maxOccurs", "1");
                if (!property.Required)
                {
                    xml.WriteAttributeString("nillable", "true");
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("xsd", "element", OwsXml.Xsd);
            xml.WriteAttributeString("name", type.Name);
            xml.WriteAttributeString("type", $"{FeatureType.Prefix}:{TypeName(type)}");
            xml.WriteAttributeString("substitutionGroup", gml == GmlVersion.Gml32 ? "gml:AbstractFeature" : "gml:_Feature");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public static string TypeName(FeatureType type) => type.Name + "Type";

    public static string SchemaLocation(GmlVersion gml) => gml switch
    {
        GmlVersion.Gml32 => OwsXml.SchemasBase + "gml/3.2.1/gml.xsd",
        GmlVersion.Gml31 => OwsXml.SchemasBase + "gml/3.1.1/base/gml.xsd",
        _ => OwsXml.SchemasBase + "gml/2.1.2/feature.xsd",
    };

    public static string GeometryType(GeometryKind kind, GmlVersion gml) => (kind, gml) switch
    {
        (GeometryKind.Point, _) => "gml:PointPropertyType",
        (GeometryKind.MultiLineString, GmlVersion.Gml2) => "gml:MultiLineStringPropertyType",
        (GeometryKind.MultiLineString, _) => "gml:MultiCurvePropertyType",
        (GeometryKind.MultiPolygon, GmlVersion.Gml2) => "gml:MultiPolygonPropertyType",
        _ => "gml:MultiSurfacePropertyType",
    };
}
