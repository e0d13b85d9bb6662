using System.Xml;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Features;
using EnvGis.Ows.Features;
using NetTopologySuite.IO.KML;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// KML 2.2 (always WGS 84 longitude/latitude, as KML demands): a Document with the layer's name, the
/// terms (licence, citation, the commercial-use mark) as its description and an atom:link to the ISO
/// metadata, a Schema of the public columns, and one Placemark per record whose geometry is written
/// by NetTopologySuite's KMLWriter.
/// </summary>
public static class KmlDownload
{
    public const string Kml = "http://www.opengis.net/kml/2.2";
    public const string Atom = "http://www.w3.org/2005/Atom";

    public static async Task WriteAsync(Stream output, LayerDefinition layer, FeatureReader reader, DownloadTerms terms, string metadataUrl, CancellationToken ct)
    {
        var geometries = new KMLWriter { Precision = 9 };
        // The XML goes to memory and on to the response in chunks: the response takes asynchronous writes only.
        using var buffer = new MemoryStream();
        // Guarded like every XML response: a control character stored in the data cannot cut the file off.
        using var xml = new Dispatch.XmlTextGuard(XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CheckCharacters = true }));
        xml.WriteStartDocument();
        xml.WriteStartElement("kml", Kml);
        xml.WriteAttributeString("xmlns", "atom", null, Atom);
        xml.WriteStartElement("Document", Kml);
        xml.WriteAttributeString("id", layer.Name);
        xml.WriteElementString("name", Kml, layer.Title.Vi + " / " + layer.Title.En);
        xml.WriteStartElement("atom", "link", Atom);
        xml.WriteAttributeString("href", metadataUrl);
        xml.WriteAttributeString("rel", "describedby");
        xml.WriteAttributeString("type", DownloadFormats.IsoMediaType);
        xml.WriteEndElement();
        xml.WriteElementString("description", Kml, terms.Text(metadataUrl));
        xml.WriteStartElement("Schema", Kml);
        xml.WriteAttributeString("name", layer.Name);
        xml.WriteAttributeString("id", layer.Name + "-schema");
        foreach (var column in reader.Query.Columns)
        {
            xml.WriteStartElement("SimpleField", Kml);
            xml.WriteAttributeString("name", column.Name);
            xml.WriteAttributeString("type", column.Type switch
            {
                AttributeType.Integer => "int",
                AttributeType.Number => "double",
                AttributeType.Boolean => "bool",
                _ => "string",
            });
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        var columns = reader.Query.Columns;
        var label = layer.LabelAttribute is { } l ? columns.ToList().FindIndex(c => c.Name == l) : -1;
        while (await reader.ReadAsync(ct))
        {
            xml.WriteStartElement("Placemark", Kml);
            xml.WriteAttributeString("id", $"{layer.Name}.{reader.Id}");
            if (label >= 0 && reader.Values[label] is { } name)
            {
                xml.WriteElementString("name", Kml, XsdValues.Format(name));
            }

            xml.WriteStartElement("ExtendedData", Kml);
            xml.WriteStartElement("SchemaData", Kml);
            xml.WriteAttributeString("schemaUrl", "#" + layer.Name + "-schema");
            for (var i = 0; i < columns.Count; i++)
            {
                if (reader.Values[i] is { } value)
                {
                    xml.WriteStartElement("SimpleData", Kml);
                    xml.WriteAttributeString("name", columns[i].Name);
                    xml.WriteString(XsdValues.Format(value));
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            if (reader.Geometry is { } geometry)
            {
                xml.WriteRaw(geometries.Write(geometry));
            }

            xml.WriteEndElement();
            await DrainAsync(xml, buffer, output, ChunkBytes, ct);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        await DrainAsync(xml, buffer, output, 0, ct);
    }

    private const int ChunkBytes = 64 * 1024;

    /// <summary>Moves what the writer produced to the output once there is at least <paramref name="threshold"/> bytes of it.</summary>
    private static async Task DrainAsync(XmlWriter xml, MemoryStream buffer, Stream output, int threshold, CancellationToken ct)
    {
        xml.Flush();
        if (buffer.Length > threshold)
        {
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
            buffer.SetLength(0);
        }
    }
}
