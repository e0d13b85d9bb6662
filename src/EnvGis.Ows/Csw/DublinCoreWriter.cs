using System.Globalization;
using System.Xml;
using EnvGis.Ows.Downloads;

namespace EnvGis.Ows.Csw;

/// <summary>
/// Writes a record as csw:BriefRecord, csw:SummaryRecord or csw:Record (Dublin Core, CSW 2.0.2 §10.2.5):
/// identifier, title, type, subjects, formats, modified, abstract, then (full) language, rights, creator
/// and references to the ISO record, the collection and every download, and the bounding box last.
/// </summary>
public static class DublinCoreWriter
{
    public static void Write(XmlWriter xml, CswRecord record, string elementSet)
    {
        var element = elementSet switch { "brief" => "BriefRecord", "summary" => "SummaryRecord", _ => "Record" };
        xml.WriteStartElement("csw", element, CswNames.Csw);
        xml.WriteElementString("dc", "identifier", CswNames.Dc, record.Identifier);
        xml.WriteElementString("dc", "title", CswNames.Dc, record.Title);
        xml.WriteElementString("dc", "type", CswNames.Dc, "dataset");
        if (elementSet != "brief")
        {
            foreach (var subject in record.Subjects)
            {
                xml.WriteElementString("dc", "subject", CswNames.Dc, subject);
            }

            foreach (var format in record.Formats)
            {
                xml.WriteElementString("dc", "format", CswNames.Dc, format);
            }

            xml.WriteElementString("dct", "modified", CswNames.Dct, record.Modified);
            xml.WriteElementString("dct", "abstract", CswNames.Dct, record.Abstract);
        }

        if (elementSet == "full")
        {
            var metadata = record.Metadata;
            xml.WriteElementString("dc", "language", CswNames.Dc, "vie");
            if (metadata.Layer.Licence is { } licence)
            {
                xml.WriteElementString("dc", "rights", CswNames.Dc, licence.Vi + " / " + licence.En);
            }

            if (record.Organisation.Length > 0)
            {
                xml.WriteElementString("dc", "creator", CswNames.Dc, record.Organisation);
            }

            Reference(xml, metadata.MetadataUrl, DownloadFormats.IsoMediaType);
            Reference(xml, metadata.CollectionUrl, "OGC:API-Features");
            foreach (var format in DownloadFormats.All)
            {
                Reference(xml, DownloadFormats.Url(metadata.BaseUrl, metadata.Layer.Name, format), format.MediaType);
            }
        }

        if (record.Metadata.Facts.Extent is [var west, var south, var east, var north])
        {
            // EPSG:4326 in its own axis order, latitude first, as CSW clients (GDAL, OWSLib) read it.
            xml.WriteStartElement("ows", "BoundingBox", Dispatch.OwsXml.Ows10);
            xml.WriteAttributeString("crs", "urn:ogc:def:crs:EPSG::4326");
            xml.WriteElementString("ows", "LowerCorner", Dispatch.OwsXml.Ows10, Pair(south, west));
            xml.WriteElementString("ows", "UpperCorner", Dispatch.OwsXml.Ows10, Pair(north, east));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Reference(XmlWriter xml, string url, string scheme)
    {
        xml.WriteStartElement("dct", "references", CswNames.Dct);
        xml.WriteAttributeString("scheme", scheme);
        xml.WriteString(url);
        xml.WriteEndElement();
    }

    private static string Pair(double a, double b) =>
        a.ToString("R", CultureInfo.InvariantCulture) + " " + b.ToString("R", CultureInfo.InvariantCulture);
}
