using System.Globalization;
using System.Xml;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Ows.Wms.Capabilities;

namespace EnvGis.Ows.Wmts;

/// <summary>
/// WMTS 1.0.0 capabilities (wmtsGetCapabilities_response.xsd): KVP GetCapabilities and GetTile, each
/// layer with its lon/lat and matrix-set boxes, its style and legend, PNG and JPEG, both tile matrix
/// sets and a versioned REST template; then the matrix sets and the REST capabilities URL.
/// </summary>
public static class WmtsCapabilitiesWriter
{
    public const string Namespace = "http://www.opengis.net/wmts/1.0";
    private const string Ows = OwsXml.Ows11;

    public static void Write(XmlWriter xml, WmtsCapabilitiesModel model)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("Capabilities", Namespace);
        xml.WriteAttributeString("xmlns", "ows", null, Ows);
        xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, $"{Namespace} {OwsXml.SchemasBase}wmts/1.0/wmtsGetCapabilities_response.xsd");
        xml.WriteAttributeString("version", WmtsService.Version);
        WriteService(xml, model);
        xml.WriteStartElement("ows", "OperationsMetadata", Ows);
        Operation(xml, model, "GetCapabilities");
        Operation(xml, model, "GetTile");
        xml.WriteEndElement();

        xml.WriteStartElement("Contents", Namespace);
        foreach (var layer in model.Layers)
        {
            WriteLayer(xml, model, layer);
        }

        foreach (var set in TileMatrixSets.All)
        {
            WriteMatrixSet(xml, set);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("ServiceMetadataURL", Namespace);
        xml.WriteAttributeString("xlink", "href", OwsXml.Xlink, model.CapabilitiesUrl);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteService(XmlWriter xml, WmtsCapabilitiesModel model)
    {
        xml.WriteStartElement("ows", "ServiceIdentification", Ows);
        xml.WriteElementString("ows", "Title", Ows, WmsServiceDescription.Both(WmtsService.Title, model.Language));
        xml.WriteElementString("ows", "Abstract", Ows, WmtsService.Abstract.In(model.Language));
        xml.WriteStartElement("ows", "Keywords", Ows);
        foreach (var keyword in WmsServiceDescription.Keywords.Skip(1).Prepend("WMTS"))
        {
            xml.WriteElementString("ows", "Keyword", Ows, keyword);
        }

        xml.WriteEndElement();
        xml.WriteElementString("ows", "ServiceType", Ows, "OGC WMTS");
        xml.WriteElementString("ows", "ServiceTypeVersion", Ows, WmtsService.Version);
        xml.WriteElementString("ows", "Fees", Ows, "none");
        xml.WriteElementString("ows", "AccessConstraints", Ows, "none");
        xml.WriteEndElement();
        xml.WriteStartElement("ows", "ServiceProvider", Ows);
        xml.WriteElementString("ows", "ProviderName", Ows, WmsServiceDescription.Provider.In(model.Language));
        xml.WriteStartElement("ows", "ServiceContact", Ows);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Operation(XmlWriter xml, WmtsCapabilitiesModel model, string name)
    {
        xml.WriteStartElement("ows", "Operation", Ows);
        xml.WriteAttributeString("name", name);
        xml.WriteStartElement("ows", "DCP", Ows);
        xml.WriteStartElement("ows", "HTTP", Ows);
        xml.WriteStartElement("ows", "Get", Ows);
        xml.WriteAttributeString("xlink", "href", OwsXml.Xlink, model.KvpUrl);
        xml.WriteStartElement("ows", "Constraint", Ows);
        xml.WriteAttributeString("name", "GetEncoding");
        xml.WriteStartElement("ows", "AllowedValues", Ows);
        xml.WriteElementString("ows", "Value", Ows, "KVP");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteLayer(XmlWriter xml, WmtsCapabilitiesModel model, WmtsLayerEntry entry)
    {
        var layer = entry.Summary.Layer;
        xml.WriteStartElement("Layer", Namespace);
        xml.WriteElementString("ows", "Title", Ows, WmsServiceDescription.Both(layer.Title, model.Language));
        xml.WriteElementString("ows", "Abstract", Ows, layer.Abstract.In(model.Language));
        Box(xml, "WGS84BoundingBox", null, entry.Summary.LonLat, geographic: true);
        xml.WriteElementString("ows", "Identifier", Ows, layer.Name);
        foreach (var set in TileMatrixSets.All)
        {
            if (entry.Summary.Boxes.TryGetValue(set.Crs.Srid, out var box))
            {
                Box(xml, "BoundingBox", set.CrsUrn, box, geographic: false);
            }
        }

        xml.WriteStartElement("Style", Namespace);
        xml.WriteAttributeString("isDefault", "true");
        xml.WriteElementString("ows", "Title", Ows, WmsServiceDescription.Both(entry.Style.Style.Title, model.Language));
        xml.WriteElementString("ows", "Identifier", Ows, entry.Style.Style.Name);
        xml.WriteStartElement("LegendURL", Namespace);
        xml.WriteAttributeString("format", "image/png");
        xml.WriteAttributeString("xlink", "href", OwsXml.Xlink, model.LegendUrl(entry));
        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var format in WmtsTileRequest.Formats)
        {
            xml.WriteElementString("Format", Namespace, format.MimeType);
        }

        foreach (var set in TileMatrixSets.All)
        {
            xml.WriteStartElement("TileMatrixSetLink", Namespace);
            xml.WriteElementString("TileMatrixSet", Namespace, set.Identifier);
            xml.WriteEndElement();
        }

        foreach (var format in WmtsTileRequest.Formats)
        {
            xml.WriteStartElement("ResourceURL", Namespace);
            xml.WriteAttributeString("format", format.MimeType);
            xml.WriteAttributeString("resourceType", "tile");
            xml.WriteAttributeString("template", model.TileTemplate(entry, WmtsEndpoints.Extension(format)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteMatrixSet(XmlWriter xml, TileMatrixSet set)
    {
        xml.WriteStartElement("TileMatrixSet", Namespace);
        xml.WriteElementString("ows", "Title", Ows, set.Title);
        xml.WriteElementString("ows", "Identifier", Ows, set.Identifier);
        xml.WriteElementString("ows", "SupportedCRS", Ows, set.CrsUrn);
        if (set.WellKnownScaleSet is not null)
        {
            xml.WriteElementString("WellKnownScaleSet", Namespace, set.WellKnownScaleSet);
        }

        foreach (var matrix in set.Matrices)
        {
            xml.WriteStartElement("TileMatrix", Namespace);
            xml.WriteElementString("ows", "Identifier", Ows, matrix.Identifier);
            xml.WriteElementString("ScaleDenominator", Namespace, XsdValues.FormatDouble(matrix.ScaleDenominator));
            xml.WriteElementString("TopLeftCorner", Namespace,
                $"{XsdValues.FormatDouble(matrix.Left)} {XsdValues.FormatDouble(matrix.Top)}");
            xml.WriteElementString("TileWidth", Namespace, Integer(TileMatrix.TileSize));
            xml.WriteElementString("TileHeight", Namespace, Integer(TileMatrix.TileSize));
            xml.WriteElementString("MatrixWidth", Namespace, Integer(matrix.MatrixWidth));
            xml.WriteElementString("MatrixHeight", Namespace, Integer(matrix.MatrixHeight));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Box(XmlWriter xml, string element, string? crs, double[] box, bool geographic)
    {
        xml.WriteStartElement("ows", element, Ows);
        if (crs is not null)
        {
            xml.WriteAttributeString("crs", crs);
        }

        xml.WriteElementString("ows", "LowerCorner", Ows,
            $"{CapabilitiesModel.Number(box[0], geographic)} {CapabilitiesModel.Number(box[1], geographic)}");
        xml.WriteElementString("ows", "UpperCorner", Ows,
            $"{CapabilitiesModel.Number(box[2], geographic)} {CapabilitiesModel.Number(box[3], geographic)}");
        xml.WriteEndElement();
    }

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
