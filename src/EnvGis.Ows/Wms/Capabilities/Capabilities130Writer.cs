using System.Xml;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wms.Requests;
using static EnvGis.Ows.Wms.Capabilities.CapabilitiesModel;

namespace EnvGis.Ows.Wms.Capabilities;

/// <summary>
/// WMS 1.3.0 capabilities (capabilities_1_3_0.xsd, with GetLegendGraphic from SLD 1.1.0's
/// sld_capabilities.xsd): the root layer holds the CRS list, each Article 5 category is an unnamed
/// layer, and each data layer has its bounding boxes (EPSG:4326 and 4756 in lat/lon order), time
/// dimension, attribution and style with LegendURL.
/// </summary>
public static class Capabilities130Writer
{
    private const string Wms = WmsVersions.Wms130Namespace;
    private const string Sld = "http://www.opengis.net/sld";

    public static void Write(XmlWriter xml, CapabilitiesModel model)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("WMS_Capabilities", Wms);
        xml.WriteAttributeString("version", WmsVersions.V130);
        xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("xmlns", "sld", null, Sld);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi,
            $"{Wms} {OwsXml.SchemasBase}wms/1.3.0/capabilities_1_3_0.xsd {Sld} {OwsXml.SchemasBase}sld/1.1.0/sld_capabilities.xsd");
        WriteService(xml, model);
        xml.WriteStartElement("Capability", Wms);
        xml.WriteStartElement("Request", Wms);
        Operation(xml, model, "GetCapabilities", Wms, ["text/xml"]);
        Operation(xml, model, "GetMap", Wms, ImageFormat.Advertised);
        Operation(xml, model, "GetFeatureInfo", Wms, FeatureInfo.InfoFormat.Advertised);
        Operation(xml, model, "GetLegendGraphic", Sld, ["image/png", "image/png; mode=8bit", "image/jpeg"]);
        xml.WriteEndElement();
        xml.WriteStartElement("Exception", Wms);
        foreach (var format in ExceptionFormats.Advertised(WmsVersions.V130))
        {
            xml.WriteElementString("Format", Wms, format);
        }

        xml.WriteEndElement();
        WriteRootLayer(xml, model);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteService(XmlWriter xml, CapabilitiesModel model)
    {
        xml.WriteStartElement("Service", Wms);
        xml.WriteElementString("Name", Wms, "WMS");
        xml.WriteElementString("Title", Wms, model.Text(WmsServiceDescription.Title));
        xml.WriteElementString("Abstract", Wms, model.Abstract(WmsServiceDescription.Title, WmsServiceDescription.Abstract)
            + $"\n\n{model.Text(WmsServiceDescription.Provider)}");
        xml.WriteStartElement("KeywordList", Wms);
        foreach (var keyword in WmsServiceDescription.Keywords)
        {
            xml.WriteElementString("Keyword", Wms, keyword);
        }

        xml.WriteEndElement();
        OnlineResource(xml, Wms, model.ServiceUrl);
        xml.WriteElementString("Fees", Wms, "none");
        xml.WriteElementString("AccessConstraints", Wms, "none");
        xml.WriteElementString("LayerLimit", Wms, Integer(model.Options.MaxLayers));
        xml.WriteElementString("MaxWidth", Wms, Integer(model.Options.MaxWidth));
        xml.WriteElementString("MaxHeight", Wms, Integer(model.Options.MaxHeight));
        xml.WriteEndElement();
    }

    private static void Operation(XmlWriter xml, CapabilitiesModel model, string name, string ns, IEnumerable<string> formats)
    {
        xml.WriteStartElement(ns == Sld ? "sld" : null, name, ns);
        foreach (var format in formats)
        {
            xml.WriteElementString("Format", Wms, format);
        }

        xml.WriteStartElement("DCPType", Wms);
        xml.WriteStartElement("HTTP", Wms);
        xml.WriteStartElement("Get", Wms);
        OnlineResource(xml, Wms, model.OperationUrl);
        xml.WriteEndElement();
        xml.WriteStartElement("Post", Wms);
        OnlineResource(xml, Wms, model.OperationUrl);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRootLayer(XmlWriter xml, CapabilitiesModel model)
    {
        xml.WriteStartElement("Layer", Wms);
        xml.WriteElementString("Title", Wms, model.Text(WmsServiceDescription.RootTitle));
        xml.WriteElementString("Abstract", Wms, model.Abstract(WmsServiceDescription.RootTitle, WmsServiceDescription.Abstract));
        foreach (var crs in MapCrs.Advertised(WmsVersions.V130))
        {
            xml.WriteElementString("CRS", Wms, crs);
        }

        WriteBoxes(xml, model.Union(CoordinateSystems.Wgs84.Srid), srid => model.Union(srid));
        foreach (var category in model.Categories)
        {
            xml.WriteStartElement("Layer", Wms);
            xml.WriteElementString("Title", Wms, model.Text(category.Category.Title));
            xml.WriteElementString("Abstract", Wms, category.Category.Title.In(WmsServiceDescription.Other(model.Language)));
            xml.WriteStartElement("KeywordList", Wms);
            xml.WriteElementString("Keyword", Wms, $"article5:{Integer(category.Category.Id)}");
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
        xml.WriteStartElement("Layer", Wms);
        xml.WriteAttributeString("queryable", "1");
        xml.WriteAttributeString("opaque", "0");
        xml.WriteElementString("Name", Wms, layer.Name);
        xml.WriteElementString("Title", Wms, model.Text(layer.Title));
        xml.WriteElementString("Abstract", Wms, model.Abstract(layer.Title, layer.Abstract));
        xml.WriteStartElement("KeywordList", Wms);
        xml.WriteElementString("Keyword", Wms, $"article5:{Integer(layer.Category)}");
        xml.WriteElementString("Keyword", Wms, layer.GeometryKind.ToString());
        xml.WriteEndElement();
        WriteBoxes(xml, entry.Summary.LonLat, srid => entry.Summary.Boxes.GetValueOrDefault(srid));
        if (entry.Summary.Time is { } time)
        {
            xml.WriteStartElement("Dimension", Wms);
            xml.WriteAttributeString("name", "time");
            xml.WriteAttributeString("units", "ISO8601");
            xml.WriteAttributeString("default", time.Default);
            xml.WriteAttributeString("multipleValues", "1");
            xml.WriteAttributeString("nearestValue", "0");
            xml.WriteAttributeString("current", "1");
            xml.WriteString(time.Extent);
            xml.WriteEndElement();
        }

        if (layer.Attribution is { } attribution)
        {
            xml.WriteStartElement("Attribution", Wms);
            xml.WriteElementString("Title", Wms, attribution);
            OnlineResource(xml, Wms, WmsServiceDescription.OpenStreetMapCopyright);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("Style", Wms);
        xml.WriteElementString("Name", Wms, entry.Style.Style.Name);
        xml.WriteElementString("Title", Wms, model.Text(entry.Style.Style.Title));
        xml.WriteStartElement("LegendURL", Wms);
        xml.WriteAttributeString("width", Integer(entry.LegendWidth));
        xml.WriteAttributeString("height", Integer(entry.LegendHeight));
        xml.WriteElementString("Format", Wms, "image/png");
        OnlineResource(xml, Wms, model.LegendUrl(entry));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // EX_GeographicBoundingBox, then a BoundingBox per CRS in that CRS's axis order (lat/lon for 4326 and 4756).
    private static void WriteBoxes(XmlWriter xml, double[] lonLat, Func<int, double[]?> box)
    {
        xml.WriteStartElement("EX_GeographicBoundingBox", Wms);
        xml.WriteElementString("westBoundLongitude", Wms, Number(lonLat[0], true));
        xml.WriteElementString("eastBoundLongitude", Wms, Number(lonLat[2], true));
        xml.WriteElementString("southBoundLatitude", Wms, Number(lonLat[1], true));
        xml.WriteElementString("northBoundLatitude", Wms, Number(lonLat[3], true));
        xml.WriteEndElement();
        BoundingBox(xml, MapCrs.Crs84, lonLat, latLon: false, geographic: true);
        foreach (var system in CoordinateSystems.All)
        {
            if (box(system.Srid) is { } b)
            {
                BoundingBox(xml, system.Short, b, latLon: system.Geographic, geographic: system.Geographic);
            }
        }
    }

    private static void BoundingBox(XmlWriter xml, string crs, double[] b, bool latLon, bool geographic)
    {
        xml.WriteStartElement("BoundingBox", Wms);
        xml.WriteAttributeString("CRS", crs);
        xml.WriteAttributeString("minx", Number(latLon ? b[1] : b[0], geographic));
        xml.WriteAttributeString("miny", Number(latLon ? b[0] : b[1], geographic));
        xml.WriteAttributeString("maxx", Number(latLon ? b[3] : b[2], geographic));
        xml.WriteAttributeString("maxy", Number(latLon ? b[2] : b[3], geographic));
        xml.WriteEndElement();
    }

    public static void OnlineResource(XmlWriter xml, string ns, string href)
    {
        xml.WriteStartElement("OnlineResource", ns);
        xml.WriteAttributeString("xlink", "type", OwsXml.Xlink, "simple");
        xml.WriteAttributeString("xlink", "href", OwsXml.Xlink, href);
        xml.WriteEndElement();
    }
}
