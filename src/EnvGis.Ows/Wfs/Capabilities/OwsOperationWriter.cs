using System.Xml;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>
/// Writes the start of an ows:Operation of OperationsMetadata in either OWS version (1.0.0 for WFS
/// 1.1.0, 1.1.0 for WFS 2.0): its name and DCP links. The caller adds parameters and ends the element.
/// </summary>
internal static class OwsOperationWriter
{
    /// <summary>GET (with the "?" KVP clients append to) and POST, or POST only (Transaction).</summary>
    public static void Start(XmlWriter xml, string ows, string name, string url, bool get = true)
    {
        xml.WriteStartElement("ows", "Operation", ows);
        xml.WriteAttributeString("name", name);
        xml.WriteStartElement("ows", "DCP", ows);
        xml.WriteStartElement("ows", "HTTP", ows);
        if (get)
        {
            Link(xml, ows, "Get", url + "?");
        }

        Link(xml, ows, "Post", url);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string ows, string method, string href)
    {
        xml.WriteStartElement("ows", method, ows);
        xml.WriteAttributeString("xlink", "href", OwsXml.Xlink, href);
        xml.WriteEndElement();
    }
}
