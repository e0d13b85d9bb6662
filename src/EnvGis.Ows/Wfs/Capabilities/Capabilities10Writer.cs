using System.Globalization;
using System.Xml;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>WFS 1.0.0 capabilities (GetCapabilities, DescribeFeatureType and GetFeature in GML 2; EPSG:4326 x/y).</summary>
public static class Capabilities10Writer
{
    private const string Wfs = WfsVersions.Wfs1Namespace;
    private const string Ogc = OwsXml.Ogc;

    public static void Write(XmlWriter xml, CapabilitiesModel model)
    {
        var language = model.Language;
        xml.WriteStartDocument();
        xml.WriteStartElement("WFS_Capabilities", Wfs);
        xml.WriteAttributeString("xmlns", "ogc", null, Ogc);
        xml.WriteAttributeString("xmlns", FeatureType.Prefix, null, FeatureType.Namespace);
        xml.WriteAttributeString("version", WfsVersions.V100);

        xml.WriteStartElement("Service", Wfs);
        xml.WriteElementString("Name", Wfs, "WFS");
        xml.WriteElementString("Title", Wfs, ServiceDescription.Title.In(language));
        xml.WriteElementString("Abstract", Wfs, ServiceDescription.Abstract.In(language));
        xml.WriteElementString("Keywords", Wfs, string.Join(", ", ServiceDescription.Keywords));
        xml.WriteElementString("OnlineResource", Wfs, model.ServiceUrl);
        xml.WriteElementString("Fees", Wfs, "NONE");
        xml.WriteElementString("AccessConstraints", Wfs, "NONE");
        xml.WriteEndElement();

        xml.WriteStartElement("Capability", Wfs);
        xml.WriteStartElement("Request", Wfs);
        Request(xml, model.ServiceUrl, "GetCapabilities", null);
        Request(xml, model.ServiceUrl, "DescribeFeatureType", ("SchemaDescriptionLanguage", "XMLSCHEMA"));
        Request(xml, model.ServiceUrl, "GetFeature", ("ResultFormat", "GML2"));
        if (model.Transactional)
        {
            // Transaction (POST only), advertised only to callers who may edit.
            xml.WriteStartElement("Transaction", Wfs);
            xml.WriteStartElement("DCPType", Wfs);
            xml.WriteStartElement("HTTP", Wfs);
            xml.WriteStartElement("Post", Wfs);
            xml.WriteAttributeString("onlineResource", model.ServiceUrl);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("FeatureTypeList", Wfs);
        xml.WriteStartElement("Operations", Wfs);
        xml.WriteElementString("Query", Wfs, null);
        xml.WriteEndElement();
        foreach (var entry in model.FeatureTypes)
        {
            var extent = entry.Extent ?? CapabilitiesHandler.CityExtent;
            xml.WriteStartElement("FeatureType", Wfs);
            xml.WriteElementString("Name", Wfs, entry.Type.QualifiedName);
            xml.WriteElementString("Title", Wfs, entry.Type.Layer.Title.In(language));
            xml.WriteElementString("Abstract", Wfs, entry.Type.Layer.Abstract.In(language));
            xml.WriteElementString("Keywords", Wfs, string.Join(", ", CapabilitiesKeywords.Of(entry)));
            xml.WriteElementString("SRS", Wfs, "EPSG:4326");
            if (model.IsEditable(entry))
            {
                xml.WriteStartElement("Operations", Wfs);
                foreach (var operation in new[] { "Query", "Insert", "Update", "Delete" })
                {
                    xml.WriteElementString(operation, Wfs, null);
                }

                xml.WriteEndElement();
            }
            xml.WriteStartElement("LatLongBoundingBox", Wfs);
            xml.WriteAttributeString("minx", extent[0].ToString("R", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("miny", extent[1].ToString("R", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("maxx", extent[2].ToString("R", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("maxy", extent[3].ToString("R", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("ogc", "Filter_Capabilities", Ogc);
        xml.WriteStartElement("ogc", "Spatial_Capabilities", Ogc);
        xml.WriteStartElement("ogc", "Spatial_Operators", Ogc);
        foreach (var op in FilterCapabilities.Spatial)
        {
            xml.WriteElementString("ogc", op, Ogc, null);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ogc", "Scalar_Capabilities", Ogc);
        xml.WriteElementString("ogc", "Logical_Operators", Ogc, null);
        xml.WriteStartElement("ogc", "Comparison_Operators", Ogc);
        foreach (var op in new[] { "Simple_Comparisons", "Like", "Between", "NullCheck" })
        {
            xml.WriteElementString("ogc", op, Ogc, null);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Request(XmlWriter xml, string url, string name, (string Element, string Value)? format)
    {
        xml.WriteStartElement(name, Wfs);
        if (format is { } f)
        {
            xml.WriteStartElement(f.Element, Wfs);
            xml.WriteElementString(f.Value, Wfs, null);
            xml.WriteEndElement();
        }

        foreach (var method in new[] { "Get", "Post" })
        {
            xml.WriteStartElement("DCPType", Wfs);
            xml.WriteStartElement("HTTP", Wfs);
            xml.WriteStartElement(method, Wfs);
            xml.WriteAttributeString("onlineResource", method == "Get" ? url + "?" : url);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
