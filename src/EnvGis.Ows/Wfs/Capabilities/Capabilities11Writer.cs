using System.Xml;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Ows.Gml;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>
/// WFS 1.1.0 capabilities (OWS 1.0, Filter 1.1). One Title and Abstract per type: the asked-for
/// language in the title, and the abstract followed by the other language's title and abstract.
/// </summary>
public static class Capabilities11Writer
{
    private const string Wfs = WfsVersions.Wfs1Namespace;
    private const string Ows = OwsXml.Ows10;
    private const string Ogc = OwsXml.Ogc;

    public static void Write(XmlWriter xml, CapabilitiesModel model)
    {
        var language = model.Language;
        var other = ServiceDescription.Other(language);
        xml.WriteStartDocument();
        xml.WriteStartElement("wfs", "WFS_Capabilities", Wfs);
        xml.WriteAttributeString("xmlns", "ows", null, Ows);
        xml.WriteAttributeString("xmlns", "ogc", null, Ogc);
        xml.WriteAttributeString("xmlns", "gml", null, GmlNamespaces.Gml);
        xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("xmlns", FeatureType.Prefix, null, FeatureType.Namespace);
        xml.WriteAttributeString("version", WfsVersions.V110);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, $"{Wfs} {OwsXml.SchemasBase}wfs/1.1.0/wfs.xsd");

        xml.WriteStartElement("ows", "ServiceIdentification", Ows);
        xml.WriteElementString("ows", "Title", Ows, ServiceDescription.Title.In(language));
        xml.WriteElementString("ows", "Abstract", Ows, $"{ServiceDescription.Abstract.In(language)}\n\n{ServiceDescription.Title.In(other)}: {ServiceDescription.Abstract.In(other)}");
        xml.WriteStartElement("ows", "Keywords", Ows);
        foreach (var keyword in ServiceDescription.Keywords)
        {
            xml.WriteElementString("ows", "Keyword", Ows, keyword);
        }

        xml.WriteEndElement();
        xml.WriteElementString("ows", "ServiceType", Ows, "WFS");
        xml.WriteElementString("ows", "ServiceTypeVersion", Ows, WfsVersions.V110);
        xml.WriteElementString("ows", "Fees", Ows, "NONE");
        xml.WriteElementString("ows", "AccessConstraints", Ows, "NONE");
        xml.WriteEndElement();

        xml.WriteStartElement("ows", "ServiceProvider", Ows);
        xml.WriteElementString("ows", "ProviderName", Ows, ServiceDescription.Provider.In(language));
        xml.WriteStartElement("ows", "ServiceContact", Ows);
        xml.WriteStartElement("ows", "ContactInfo", Ows);
        xml.WriteStartElement("ows", "Address", Ows);
        xml.WriteElementString("ows", "City", Ows, "Hải Phòng");
        xml.WriteElementString("ows", "Country", Ows, "Việt Nam");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("ows", "OperationsMetadata", Ows);
        var formats = OutputFormat.For(WfsVersions.V110).Select(f => f.Name).ToArray();
        Operation(xml, model.ServiceUrl, "GetCapabilities", ("AcceptVersions", WfsVersions.All.ToArray()), ("AcceptFormats", ["text/xml"]));
        Operation(xml, model.ServiceUrl, "DescribeFeatureType", ("outputFormat", [OutputFormat.Gml31.Name]));
        Operation(xml, model.ServiceUrl, "GetFeature", ("resultType", ["results", "hits"]), ("outputFormat", formats));
        if (model.Transactional)
        {
            TransactionOperation(xml, model.ServiceUrl);
        }
        xml.WriteStartElement("ows", "Constraint", Ows);
        xml.WriteAttributeString("name", "DefaultMaxFeatures");
        xml.WriteElementString("ows", "Value", Ows, "100000");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("wfs", "FeatureTypeList", Wfs);
        xml.WriteStartElement("wfs", "Operations", Wfs);
        xml.WriteElementString("wfs", "Operation", Wfs, "Query");
        xml.WriteEndElement();
        foreach (var entry in model.FeatureTypes)
        {
            var layer = entry.Type.Layer;
            xml.WriteStartElement("wfs", "FeatureType", Wfs);
            xml.WriteElementString("wfs", "Name", Wfs, entry.Type.QualifiedName);
            xml.WriteElementString("wfs", "Title", Wfs, layer.Title.In(language));
            xml.WriteElementString("wfs", "Abstract", Wfs, $"{layer.Abstract.In(language)}\n\n{layer.Title.In(other)}: {layer.Abstract.In(other)}");
            xml.WriteStartElement("ows", "Keywords", Ows);
            foreach (var keyword in CapabilitiesKeywords.Of(entry))
            {
                xml.WriteElementString("ows", "Keyword", Ows, keyword);
            }

            xml.WriteEndElement();
            xml.WriteElementString("wfs", "DefaultSRS", Wfs, CoordinateSystems.Wgs84.Urn);
            foreach (var crs in CoordinateSystems.All.Skip(1))
            {
                xml.WriteElementString("wfs", "OtherSRS", Wfs, crs.Urn);
            }

            if (model.IsEditable(entry))
            {
                xml.WriteStartElement("wfs", "Operations", Wfs);
                foreach (var operation in new[] { "Query", "Insert", "Update", "Delete" })
                {
                    xml.WriteElementString("wfs", "Operation", Wfs, operation);
                }

                xml.WriteEndElement();
            }

            xml.WriteStartElement("wfs", "OutputFormats", Wfs);
            foreach (var format in formats)
            {
                xml.WriteElementString("wfs", "Format", Wfs, format);
            }

            xml.WriteEndElement();
            CapabilitiesKeywords.WriteWgs84BoundingBox(xml, Ows, entry.Extent ?? CapabilitiesHandler.CityExtent);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        WriteFilterCapabilities(xml);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>Transaction (POST only), advertised only to callers who may edit.</summary>
    private static void TransactionOperation(XmlWriter xml, string url)
    {
        OwsOperationWriter.Start(xml, Ows, "Transaction", url, get: false);
        xml.WriteEndElement();
    }

    private static void Operation(XmlWriter xml, string url, string name, params (string Name, string[] Values)[] parameters)
    {
        OwsOperationWriter.Start(xml, Ows, name, url);
        foreach (var (parameter, values) in parameters)
        {
            xml.WriteStartElement("ows", "Parameter", Ows);
            xml.WriteAttributeString("name", parameter);
            foreach (var value in values)
            {
                xml.WriteElementString("ows", "Value", Ows, value);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Filter 1.1 capabilities, shared with WFS 1.0 (whose ogc:Filter_Capabilities differ; see <see cref="Capabilities10Writer"/>).</summary>
    private static void WriteFilterCapabilities(XmlWriter xml)
    {
        xml.WriteStartElement("ogc", "Filter_Capabilities", Ogc);
        xml.WriteStartElement("ogc", "Spatial_Capabilities", Ogc);
        xml.WriteStartElement("ogc", "GeometryOperands", Ogc);
        foreach (var operand in new[] { "gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon" })
        {
            xml.WriteElementString("ogc", "GeometryOperand", Ogc, operand);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "SpatialOperators", Ogc);
        foreach (var op in FilterCapabilities.Spatial)
        {
            xml.WriteStartElement("ogc", "SpatialOperator", Ogc);
            xml.WriteAttributeString("name", op);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "Scalar_Capabilities", Ogc);
        xml.WriteElementString("ogc", "LogicalOperators", Ogc, null);
        xml.WriteStartElement("ogc", "ComparisonOperators", Ogc);
        foreach (var op in FilterCapabilities.Comparison11)
        {
            xml.WriteElementString("ogc", "ComparisonOperator", Ogc, op);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "Id_Capabilities", Ogc);
        xml.WriteElementString("ogc", "EID", Ogc, null);
        xml.WriteElementString("ogc", "FID", Ogc, null);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
