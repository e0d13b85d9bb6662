using System.Xml;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Csw;

/// <summary>The CSW 2.0.2 capabilities (OWS Common 1.0): the service, its operations and parameters, the queryables and the filter capabilities.</summary>
public static class CswCapabilitiesWriter
{
    private static readonly string[] Comparisons = ["EqualTo", "NotEqualTo", "LessThan", "GreaterThan", "LessThanEqualTo", "GreaterThanEqualTo", "Like", "Between", "NullCheck"];
    private static readonly string[] SpatialOperators = ["BBOX", "Intersects", "Within", "Contains", "Disjoint", "Equals", "Touches", "Overlaps", "Crosses"];

    public static void Write(XmlWriter xml, string serviceUrl)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("csw", "Capabilities", CswNames.Csw);
        xml.WriteAttributeString("xmlns", "ows", null, OwsXml.Ows10);
        xml.WriteAttributeString("xmlns", "ogc", null, OwsXml.Ogc);
        xml.WriteAttributeString("xmlns", "gml", null, CswNames.Gml311);
        xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("version", CswNames.Version);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, CswNames.Csw + " " + CswNames.DiscoverySchema);

        xml.WriteStartElement("ows", "ServiceIdentification", OwsXml.Ows10);
        Ows(xml, "Title", "Danh mục dữ liệu môi trường Hải Phòng / Hải Phòng environmental data catalogue");
        Ows(xml, "Abstract", "Siêu dữ liệu ISO 19115/19139 và Dublin Core của các lớp dữ liệu môi trường (Điều 5). "
                             + "ISO 19115/19139 and Dublin Core metadata of the environmental data layers (Article 5).");
        xml.WriteStartElement("ows", "Keywords", OwsXml.Ows10);
        foreach (var keyword in new[] { "môi trường", "environment", "Hải Phòng", "CSW", "ISO 19139" })
        {
            Ows(xml, "Keyword", keyword);
        }

        xml.WriteEndElement();
        Ows(xml, "ServiceType", CswNames.Service);
        Ows(xml, "ServiceTypeVersion", CswNames.Version);
        Ows(xml, "Fees", "none");
        Ows(xml, "AccessConstraints", "Dữ liệu đã công bố là dữ liệu mở / published data is open data");
        xml.WriteEndElement();

        xml.WriteStartElement("ows", "ServiceProvider", OwsXml.Ows10);
        Ows(xml, "ProviderName", "Sở Nông nghiệp và Môi trường thành phố Hải Phòng");
        xml.WriteStartElement("ows", "ServiceContact", OwsXml.Ows10);
        Ows(xml, "PositionName", "Data management / Quản lý dữ liệu");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("ows", "OperationsMetadata", OwsXml.Ows10);
        Operation(xml, serviceUrl, "GetCapabilities", ("sections", ["ServiceIdentification", "ServiceProvider", "OperationsMetadata", "Filter_Capabilities"]));
        Operation(xml, serviceUrl, "DescribeRecord", ("typeName", CswNames.TypeNames), ("outputFormat", ["application/xml"]),
            ("schemaLanguage", ["http://www.w3.org/XML/Schema"]));
        Operation(xml, serviceUrl, "GetRecords", ("typeNames", CswNames.TypeNames), ("outputSchema", CswNames.OutputSchemas),
            ("outputFormat", ["application/xml"]), ("resultType", ["hits", "results"]), ("ElementSetName", CswNames.ElementSets),
            ("CONSTRAINTLANGUAGE", [CswNames.FilterLanguage, CswNames.CqlLanguage]));
        Operation(xml, serviceUrl, "GetRecordById", ("outputSchema", CswNames.OutputSchemas), ("outputFormat", ["application/xml"]),
            ("ElementSetName", CswNames.ElementSets));
        Parameter(xml, "service", [CswNames.Service]);
        Parameter(xml, "version", [CswNames.Version]);
        xml.WriteStartElement("ows", "Constraint", OwsXml.Ows10);
        xml.WriteAttributeString("name", "SupportedDublinCoreQueryables");
        foreach (var name in new[] { "csw:AnyText", "dc:title", "dc:subject", "dc:identifier", "dc:type", "dc:format", "dc:language", "dct:abstract", "dct:modified", "ows:BoundingBox" })
        {
            Ows(xml, "Value", name);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("ogc", "Filter_Capabilities", OwsXml.Ogc);
        xml.WriteStartElement("ogc", "Spatial_Capabilities", OwsXml.Ogc);
        xml.WriteStartElement("ogc", "GeometryOperands", OwsXml.Ogc);
        foreach (var operand in new[] { "gml:Envelope", "gml:Point", "gml:Polygon", "gml:LineString" })
        {
            xml.WriteElementString("ogc", "GeometryOperand", OwsXml.Ogc, operand);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "SpatialOperators", OwsXml.Ogc);
        foreach (var op in SpatialOperators)
        {
            xml.WriteStartElement("ogc", "SpatialOperator", OwsXml.Ogc);
            xml.WriteAttributeString("name", op);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "Scalar_Capabilities", OwsXml.Ogc);
        xml.WriteElementString("ogc", "LogicalOperators", OwsXml.Ogc, "");
        xml.WriteStartElement("ogc", "ComparisonOperators", OwsXml.Ogc);
        foreach (var op in Comparisons)
        {
            xml.WriteElementString("ogc", "ComparisonOperator", OwsXml.Ogc, op);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "Id_Capabilities", OwsXml.Ogc);
        xml.WriteElementString("ogc", "EID", OwsXml.Ogc, "");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Operation(XmlWriter xml, string url, string name, params (string Name, IReadOnlyList<string> Values)[] parameters)
    {
        xml.WriteStartElement("ows", "Operation", OwsXml.Ows10);
        xml.WriteAttributeString("name", name);
        xml.WriteStartElement("ows", "DCP", OwsXml.Ows10);
        xml.WriteStartElement("ows", "HTTP", OwsXml.Ows10);
        foreach (var method in new[] { "Get", "Post" })
        {
            xml.WriteStartElement("ows", method, OwsXml.Ows10);
            xml.WriteAttributeString("xlink", "href", OwsXml.Xlink, url);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var (parameter, values) in parameters)
        {
            Parameter(xml, parameter, values);
        }

        xml.WriteEndElement();
    }

    private static void Parameter(XmlWriter xml, string name, IReadOnlyList<string> values)
    {
        xml.WriteStartElement("ows", "Parameter", OwsXml.Ows10);
        xml.WriteAttributeString("name", name);
        foreach (var value in values)
        {
            Ows(xml, "Value", value);
        }

        xml.WriteEndElement();
    }

    private static void Ows(XmlWriter xml, string name, string value) => xml.WriteElementString("ows", name, OwsXml.Ows10, value);
}
