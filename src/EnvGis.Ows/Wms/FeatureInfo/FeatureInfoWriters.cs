using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using EnvGis.Core.Catalogue;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Ows.Gml;
using EnvGis.Ows.Wms.Requests;

namespace EnvGis.Ows.Wms.FeatureInfo;

/// <summary>
/// The GetFeatureInfo documents. Every text that comes from the data is escaped for its format
/// (HTML-encoded, JSON-escaped, XML-escaped by XmlWriter); labels are the catalogue's, in the
/// LANGUAGE asked for. Ids are <c>&lt;layer&gt;.&lt;id&gt;</c>, as in WFS.
/// </summary>
public static class FeatureInfoWriters
{
    private const string Wfs = "http://www.opengis.net/wfs";

    // Vietnamese stays readable in the HTML; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Text(IReadOnlyList<LayerHits> results, string language)
    {
        var text = new StringBuilder();
        foreach (var layer in results)
        {
            text.Append($"Layer '{layer.Layer.Name}' ({layer.Layer.Title.In(language)}): {layer.Features.Count} feature(s)\n");
            foreach (var feature in layer.Features)
            {
                text.Append($"  Feature {feature.PublicId}:\n");
                foreach (var (name, _, value) in feature.Values)
                {
                    text.Append($"    {name} = {(value is null ? "" : OneLine(XsdValues.Format(value)))}\n");
                }
            }
        }

        if (results.All(r => r.Features.Count == 0))
        {
            text.Append(language == "en" ? "No features were found.\n" : "Không tìm thấy đối tượng nào.\n");
        }

        return text.ToString();
    }

    public static string HtmlPage(IReadOnlyList<LayerHits> results, string language)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Html.Encode(language == "en" ? "Feature information" : "Thông tin đối tượng"))
            .Append("</title><style>table{border-collapse:collapse;margin:0 0 1em}caption{font-weight:bold;text-align:left}")
            .Append("th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}</style></head><body>\n");
        foreach (var layer in results)
        {
            foreach (var feature in layer.Features)
            {
                html.Append("<table class=\"envgis-feature\" data-id=\"").Append(Html.Encode(feature.PublicId)).Append("\"><caption>")
                    .Append(Html.Encode(layer.Layer.Title.In(language))).Append(" — ").Append(Html.Encode(feature.PublicId)).Append("</caption>\n");
                foreach (var (name, _, value) in feature.Values)
                {
                    html.Append("<tr><th>").Append(Html.Encode(Label(layer.Layer, name, language))).Append("</th><td>")
                        .Append(value is null ? "" : Html.Encode(XsdValues.Format(value))).Append("</td></tr>\n");
                }

                html.Append("</table>\n");
            }
        }

        if (results.All(r => r.Features.Count == 0))
        {
            html.Append("<p>").Append(Html.Encode(language == "en" ? "No features were found." : "Không tìm thấy đối tượng nào.")).Append("</p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    public static void Json(Utf8JsonWriter json, IReadOnlyList<LayerHits> results)
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var feature in results.SelectMany(r => r.Features))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", feature.PublicId);
            json.WriteString("layer", feature.Layer.Name);
            json.WritePropertyName("geometry");
            if (feature.GeoJson is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(feature.GeoJson, skipInputValidation: false);
            }

            json.WriteStartObject("properties");
            foreach (var (name, type, value) in feature.Values)
            {
                json.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case bool b:
                        json.WriteBooleanValue(b);
                        break;
                    case int or long or double when type is AttributeType.Integer or AttributeType.Number:
                        json.WriteRawValue(XsdValues.Format(value));
                        break;
                    default:
                        json.WriteStringValue(XsdValues.Format(value));
                        break;
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A GML 2 wfs:FeatureCollection (as GeoServer and MapServer answer), geometries in the map's CRS and axis order.</summary>
    public static void Gml(XmlWriter xml, IReadOnlyList<LayerHits> results, MapCrs crs)
    {
        var srsName = crs.LatLon ? crs.System.Urn : crs.Name == MapCrs.Crs84 ? MapCrs.Crs84 : crs.System.Short;
        var geometryWriter = new GmlGeometryWriter(GmlVersion.Gml2, crs.LatLon, crs.System.Decimals, srsName);
        xml.WriteStartDocument();
        xml.WriteStartElement("wfs", "FeatureCollection", Wfs);
        xml.WriteAttributeString("xmlns", "gml", null, GmlNamespaces.Gml);
        xml.WriteAttributeString("xmlns", FeatureType.Prefix, null, FeatureType.Namespace);
        foreach (var feature in results.SelectMany(r => r.Features))
        {
            xml.WriteStartElement("gml", "featureMember", GmlNamespaces.Gml);
            xml.WriteStartElement(FeatureType.Prefix, feature.Layer.Name, FeatureType.Namespace);
            xml.WriteAttributeString("fid", feature.PublicId);
            foreach (var (name, _, value) in feature.Values)
            {
                if (value is not null)
                {
                    xml.WriteElementString(FeatureType.Prefix, name, FeatureType.Namespace, XsdValues.Format(value));
                }
            }

            if (feature.Geometry is { } geometry)
            {
                xml.WriteStartElement(FeatureType.Prefix, FeatureType.GeometryName, FeatureType.Namespace);
                geometryWriter.Write(xml, geometry, feature.PublicId);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string Label(LayerDefinition layer, string name, string language) =>
        layer.FindAttribute(name)?.Label.In(language) ?? name;

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
