using System.Xml;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms.Requests;
using static EnvGis.Ows.Wms.Capabilities.CapabilitiesModel;

namespace EnvGis.Ows.Wms.Capabilities;

/// <summary>
/// WMS 1.1.1 capabilities (WMT_MS_Capabilities, DTD WMS_MS_Capabilities.dtd): the same layer tree
/// as 1.3.0 with SRS lists, LatLonBoundingBox, BoundingBoxes in x/y order, Dimension + Extent for time.
/// </summary>
public static class Capabilities111Writer
{
    public static void Write(XmlWriter xml, CapabilitiesModel model)
    {
        xml.WriteStartDocument();
        xml.WriteDocType("WMT_MS_Capabilities", null, OwsXml.SchemasBase + "wms/1.1.1/WMS_MS_Capabilities.dtd", null);
        xml.WriteStartElement("WMT_MS_Capabilities");
        xml.WriteAttributeString("version", WmsVersions.V111);
        WriteService(xml, model);
        xml.WriteStartElement("Capability");
        xml.WriteStartElement("Request");
        Operation(xml, model, "GetCapabilities", ["application/vnd.ogc.wms_xml", "text/xml"]);
        Operation(xml, model, "GetMap", ImageFormat.Advertised);
        Operation(xml, model, "GetFeatureInfo", FeatureInfo.InfoFormat.Advertised);
        Operation(xml, model, "GetLegendGraphic", ["image/png", "image/png; mode=8bit", "image/jpeg"]);
        xml.WriteEndElement();
        xml.WriteStartElement("Exception");
        foreach (var format in ExceptionFormats.Advertised(WmsVersions.V111))
        {
            xml.WriteElementString("Format", format);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("UserDefinedSymbolization");
        xml.WriteAttributeString("SupportSLD", "0");
        xml.WriteAttributeString("UserLayer", "0");
        xml.WriteAttributeString("UserStyle", "0");
        xml.WriteAttributeString("RemoteWFS", "0");
        xml.WriteEndElement();
        WriteRootLayer(xml, model);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteService(XmlWriter xml, CapabilitiesModel model)
    {
        xml.WriteStartElement("Service");
        xml.WriteElementString("Name", "OGC:WMS");
        xml.WriteElementString("Title", model.Text(WmsServiceDescription.Title));
        xml.WriteElementString("Abstract", model.Abstract(WmsServiceDescription.Title, WmsServiceDescription.Abstract)
            + $"\n\n{model.Text(WmsServiceDescription.Provider)}");
        xml.WriteStartElement("KeywordList");
        foreach (var keyword in WmsServiceDescription.Keywords)
        {
            xml.WriteElementString("Keyword", keyword);
        }

        xml.WriteEndElement();
        OnlineResource(xml, model.ServiceUrl);
        xml.WriteElementString("Fees", "none");
        xml.WriteElementString("AccessConstraints", "none");
        xml.WriteEndElement();
    }

    private static void Operation(XmlWriter xml, CapabilitiesModel model, string name, IEnumerable<string> formats)
    {
        xml.WriteStartElement(name);
        foreach (var format in formats)
        {
            xml.WriteElementString("Format", format);
        }

        xml.WriteStartElement("DCPType");
        xml.WriteStartElement("HTTP");
        xml.WriteStartElement("Get");
        OnlineResource(xml, model.OperationUrl);
        xml.WriteEndElement();
        xml.WriteStartElement("Post");
        OnlineResource(xml, model.OperationUrl);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRootLayer(XmlWriter xml, CapabilitiesModel model)
    {
        xml.WriteStartElement("Layer");
        xml.WriteElementString("Title", model.Text(WmsServiceDescription.RootTitle));
        xml.WriteElementString("Abstract", model.Abstract(WmsServiceDescription.RootTitle, WmsServiceDescription.Abstract));
        foreach (var srs in MapCrs.Advertised(WmsVersions.V111))
        {
            xml.WriteElementString("SRS", srs);
        }

        WriteBoxes(xml, model.Union(CoordinateSystems.Wgs84.Srid), model.Union);
        foreach (var category in model.Categories)
        {
            xml.WriteStartElement("Layer");
            xml.WriteElementString("Title", model.Text(category.Category.Title));
            xml.WriteElementString("Abstract", category.Category.Title.In(WmsServiceDescription.Other(model.Language)));
            xml.WriteStartElement("KeywordList");
            xml.WriteElementString("Keyword", $"article5:{Integer(category.Category.Id)}");
            xml.WriteEndElement();
            foreach (var layer in category.Layers)
            {
                WriteLayer(xml, model, layer);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteLayer(XmlWriter xml, CapabilitiesModel model, LayerEntry entry)
    {
        var layer = entry.Summary.Layer;
        xml.WriteStartElement("Layer");
        xml.WriteAttributeString("queryable", "1");
        xml.WriteAttributeString("opaque", "0");
        xml.WriteElementString("Name", layer.Name);
        xml.WriteElementString("Title", model.Text(layer.Title));
        xml.WriteElementString("Abstract", model.Abstract(layer.Title, layer.Abstract));
        xml.WriteStartElement("KeywordList");
        xml.WriteElementString("Keyword", $"article5:{Integer(layer.Category)}");
        xml.WriteElementString("Keyword", layer.GeometryKind.ToString());
        xml.WriteEndElement();
        WriteBoxes(xml, entry.Summary.LonLat, srid => entry.Summary.Boxes.GetValueOrDefault(srid));
        if (entry.Summary.Time is { } time)
        {
            xml.WriteStartElement("Dimension");
            xml.WriteAttributeString("name", "time");
            xml.WriteAttributeString("units", "ISO8601");
            xml.WriteEndElement();
            xml.WriteStartElement("Extent");
            xml.WriteAttributeString("name", "time");
            xml.WriteAttributeString("default", time.Default);
            xml.WriteAttributeString("nearestValue", "0");
            xml.WriteString(time.Extent);
            xml.WriteEndElement();
        }

        if (layer.Attribution is { } attribution)
        {
            xml.WriteStartElement("Attribution");
            xml.WriteElementString("Title", attribution);
            OnlineResource(xml, WmsServiceDescription.OpenStreetMapCopyright);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("Style");
        xml.WriteElementString("Name", entry.Style.Style.Name);
        xml.WriteElementString("Title", model.Text(entry.Style.Style.Title));
        xml.WriteStartElement("LegendURL");
        xml.WriteAttributeString("width", Integer(entry.LegendWidth));
        xml.WriteAttributeString("height", Integer(entry.LegendHeight));
        xml.WriteElementString("Format", "image/png");
        OnlineResource(xml, model.LegendUrl(entry));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteBoxes(XmlWriter xml, double[] lonLat, Func<int, double[]?> box)
    {
        xml.WriteStartElement("LatLonBoundingBox");
        xml.WriteAttributeString("minx", Number(lonLat[0], true));
        xml.WriteAttributeString("miny", Number(lonLat[1], true));
        xml.WriteAttributeString("maxx", Number(lonLat[2], true));
        xml.WriteAttributeString("maxy", Number(lonLat[3], true));
        xml.WriteEndElement();
        foreach (var system in CoordinateSystems.All)
        {
            if (box(system.Srid) is not { } b)
            {
                continue;
            }

            xml.WriteStartElement("BoundingBox");
            xml.WriteAttributeString("SRS", system.Short);
            xml.WriteAttributeString("minx", Number(b[0], system.Geographic));
            xml.WriteAttributeString("miny", Number(b[1], system.Geographic));
            xml.WriteAttributeString("maxx", Number(b[2], system.Geographic));
            xml.WriteAttributeString("maxy", Number(b[3], system.Geographic));
            xml.WriteEndElement();
        }
    }

    private static void OnlineResource(XmlWriter xml, string href)
    {
        xml.WriteStartElement("OnlineResource");
        xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        xml.WriteAttributeString("xlink", "type", OwsXml.Xlink, "simple");
        xml.WriteAttributeString("xlink", "href", OwsXml.Xlink, href);
        xml.WriteEndElement();
    }
}
