using System.Globalization;
using System.Text;
using System.Xml;
using EnvGis.Core.Catalogue;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Downloads;

namespace EnvGis.Ows.Metadata;

/// <summary>
/// A layer's metadata as one ISO 19139 <c>gmd:MD_Metadata</c> record (ISO 19115:2003), Vietnamese first
/// with English through PT_FreeText (docs/open-data.md "Metadata": what goes where). Written with an
/// XmlWriter, so every text is escaped.
/// </summary>
public static class IsoMetadataWriter
{
    public const string Gmd = "http://www.isotc211.org/2005/gmd";
    public const string Gco = "http://www.isotc211.org/2005/gco";
    public const string Gml = "http://www.opengis.net/gml/3.2";
    public const string XLink = "http://www.w3.org/1999/xlink";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string SchemaLocation = "http://www.isotc211.org/2005/gmd http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd";

    private const string CodeLists = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#";
    private const string EnglishLocale = "locale-en";

    public static string ToXml(LayerMetadata metadata)
    {
        var text = new StringBuilder();
        // Guarded like every XML response: a control character stored in the data cannot break the record.
        using (var xml = new Dispatch.XmlTextGuard(XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true })))
        {
            Write(xml, metadata, root: true);
        }

        return text.ToString();
    }

    /// <summary>Writes the record; <paramref name="root"/> adds the namespace declarations and schema location of a document of its own.</summary>
    public static void Write(XmlWriter xml, LayerMetadata metadata, bool root)
    {
        var layer = metadata.Layer;
        xml.WriteStartElement("gmd", "MD_Metadata", Gmd);
        xml.WriteAttributeString("xmlns", "gmd", null, Gmd);
        xml.WriteAttributeString("xmlns", "gco", null, Gco);
        xml.WriteAttributeString("xmlns", "gml", null, Gml);
        xml.WriteAttributeString("xmlns", "xlink", null, XLink);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        if (root)
        {
            xml.WriteAttributeString("xsi", "schemaLocation", Xsi, SchemaLocation);
        }

        CharacterString(xml, "fileIdentifier", metadata.Identifier);
        Language(xml, "language", "vie");
        Code(xml, "characterSet", "MD_CharacterSetCode", "utf8");
        Code(xml, "hierarchyLevel", "MD_ScopeCode", "dataset");
        Department(xml, "contact", "pointOfContact");
        xml.WriteStartElement("gmd", "dateStamp", Gmd);
        xml.WriteElementString("gco", "DateTime", Gco, metadata.Stamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        CharacterString(xml, "metadataStandardName", "ISO 19115:2003/19139");
        CharacterString(xml, "metadataStandardVersion", "1.0");
        CharacterString(xml, "dataSetURI", metadata.CollectionUrl);

        xml.WriteStartElement("gmd", "locale", Gmd);
        xml.WriteStartElement("gmd", "PT_Locale", Gmd);
        xml.WriteAttributeString("id", EnglishLocale);
        Language(xml, "languageCode", "eng");
        Code(xml, "characterEncoding", "MD_CharacterSetCode", "utf8");
        xml.WriteEndElement();
        xml.WriteEndElement();

        foreach (var system in CoordinateSystems.All)
        {
            xml.WriteStartElement("gmd", "referenceSystemInfo", Gmd);
            xml.WriteStartElement("gmd", "MD_ReferenceSystem", Gmd);
            xml.WriteStartElement("gmd", "referenceSystemIdentifier", Gmd);
            xml.WriteStartElement("gmd", "RS_Identifier", Gmd);
            CharacterString(xml, "code", system.Srid.ToString(CultureInfo.InvariantCulture));
            CharacterString(xml, "codeSpace", "EPSG");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        Identification(xml, metadata);
        Distribution(xml, metadata);
        Quality(xml, metadata);
        xml.WriteEndElement();
    }

    private static void Identification(XmlWriter xml, LayerMetadata metadata)
    {
        var layer = metadata.Layer;
        xml.WriteStartElement("gmd", "identificationInfo", Gmd);
        xml.WriteStartElement("gmd", "MD_DataIdentification", Gmd);
        xml.WriteStartElement("gmd", "citation", Gmd);
        xml.WriteStartElement("gmd", "CI_Citation", Gmd);
        FreeText(xml, "title", layer.Title);
        xml.WriteStartElement("gmd", "date", Gmd);
        xml.WriteStartElement("gmd", "CI_Date", Gmd);
        xml.WriteStartElement("gmd", "date", Gmd);
        xml.WriteElementString("gco", "DateTime", Gco, metadata.Stamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        Code(xml, "dateType", "CI_DateTypeCode", "revision");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("gmd", "identifier", Gmd);
        xml.WriteStartElement("gmd", "MD_Identifier", Gmd);
        CharacterString(xml, "code", metadata.Identifier);
        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var owner in metadata.Facts.Owners)
        {
            Party(xml, "citedResponsibleParty", new LocalizedText(owner.NameVi, owner.NameEn), "originator", null);
        }

        if (layer.Citation is { } citation)
        {
            FreeText(xml, "otherCitationDetails", citation);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        FreeText(xml, "abstract", layer.Abstract);
        Code(xml, "status", "MD_ProgressCode", "onGoing");
        Department(xml, "pointOfContact", "custodian");

        xml.WriteStartElement("gmd", "resourceMaintenance", Gmd);
        xml.WriteStartElement("gmd", "MD_MaintenanceInformation", Gmd);
        Code(xml, "maintenanceAndUpdateFrequency", "MD_MaintenanceFrequencyCode", metadata.UpdateFrequency);
        FreeText(xml, "maintenanceNote", metadata.UpdateFrequency == "continual"
            ? new LocalizedText("Quan trắc tự động, liên tục: cập nhật liên tục (Điều 6.1 của Quy chế).",
                "Automatic continuous monitoring: updated continuously (Article 6.1 of the regulation).")
            : new LocalizedText("Cập nhật hằng tháng, trước ngày 30 (Điều 6.2 của Quy chế).",
                "Updated monthly, before the 30th (Article 6.2 of the regulation)."));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("gmd", "descriptiveKeywords", Gmd);
        xml.WriteStartElement("gmd", "MD_Keywords", Gmd);
        if (metadata.Category is { } category)
        {
            FreeText(xml, "keyword", category.Title);
        }

        FreeText(xml, "keyword", new LocalizedText("Môi trường", "Environment"));
        FreeText(xml, "keyword", new LocalizedText("Hải Phòng", "Hải Phòng"));
        CharacterString(xml, "keyword", layer.Name);
        Code(xml, "type", "MD_KeywordTypeCode", "theme");
        xml.WriteStartElement("gmd", "thesaurusName", Gmd);
        xml.WriteStartElement("gmd", "CI_Citation", Gmd);
        FreeText(xml, "title", new LocalizedText("Nhóm dữ liệu môi trường (Điều 5 của Quy chế)", "Environmental data categories (Article 5 of the regulation)"));
        xml.WriteStartElement("gmd", "date", Gmd);
        xml.WriteStartElement("gmd", "CI_Date", Gmd);
        xml.WriteStartElement("gmd", "date", Gmd);
        xml.WriteElementString("gco", "Date", Gco, "2025-01-01");
        xml.WriteEndElement();
        Code(xml, "dateType", "CI_DateTypeCode", "publication");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("gmd", "resourceConstraints", Gmd);
        xml.WriteStartElement("gmd", "MD_LegalConstraints", Gmd);
        if (layer.Licence is { } licence)
        {
            FreeText(xml, "useLimitation", licence);
        }

        Code(xml, "useConstraints", "MD_RestrictionCode", "license");
        Code(xml, "useConstraints", "MD_RestrictionCode", "otherRestrictions");
        if (layer.Citation is { } cite)
        {
            FreeText(xml, "otherConstraints", cite);
        }

        FreeText(xml, "otherConstraints", DownloadTerms.PublishedOnly);
        xml.WriteEndElement();
        xml.WriteEndElement();

        Code(xml, "spatialRepresentationType", "MD_SpatialRepresentationTypeCode", "vector");
        Language(xml, "language", "vie");
        Code(xml, "characterSet", "MD_CharacterSetCode", "utf8");
        xml.WriteStartElement("gmd", "topicCategory", Gmd);
        xml.WriteElementString("gmd", "MD_TopicCategoryCode", Gmd, "environment");
        xml.WriteEndElement();
        Extent(xml, metadata);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Extent(XmlWriter xml, LayerMetadata metadata)
    {
        var facts = metadata.Facts;
        xml.WriteStartElement("gmd", "extent", Gmd);
        xml.WriteStartElement("gmd", "EX_Extent", Gmd);
        if (facts.Extent is { } e)
        {
            xml.WriteStartElement("gmd", "geographicElement", Gmd);
            xml.WriteStartElement("gmd", "EX_GeographicBoundingBox", Gmd);
            Decimal(xml, "westBoundLongitude", e[0]);
            Decimal(xml, "eastBoundLongitude", e[2]);
            Decimal(xml, "southBoundLatitude", e[1]);
            Decimal(xml, "northBoundLatitude", e[3]);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        else
        {
            CharacterString(xml, "description", "Hải Phòng");
        }

        if (facts.ValidFrom is not null || facts.ValidTo is not null)
        {
            xml.WriteStartElement("gmd", "temporalElement", Gmd);
            xml.WriteStartElement("gmd", "EX_TemporalExtent", Gmd);
            xml.WriteStartElement("gmd", "extent", Gmd);
            xml.WriteStartElement("gml", "TimePeriod", Gml);
            xml.WriteAttributeString("gml", "id", Gml, "validity-" + metadata.Layer.Name);
            TimePosition(xml, "beginPosition", facts.ValidFrom);
            TimePosition(xml, "endPosition", facts.ValidTo);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void TimePosition(XmlWriter xml, string name, DateOnly? day)
    {
        xml.WriteStartElement("gml", name, Gml);
        if (day is { } d)
        {
            xml.WriteString(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            xml.WriteAttributeString("indeterminatePosition", "unknown");
        }

        xml.WriteEndElement();
    }

    private static void Distribution(XmlWriter xml, LayerMetadata metadata)
    {
        var layer = metadata.Layer.Name;
        xml.WriteStartElement("gmd", "distributionInfo", Gmd);
        xml.WriteStartElement("gmd", "MD_Distribution", Gmd);
        foreach (var format in DownloadFormats.All)
        {
            xml.WriteStartElement("gmd", "distributionFormat", Gmd);
            xml.WriteStartElement("gmd", "MD_Format", Gmd);
            CharacterString(xml, "name", format.Name);
            CharacterString(xml, "version", format.MediaType);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteStartElement("gmd", "transferOptions", Gmd);
        xml.WriteStartElement("gmd", "MD_DigitalTransferOptions", Gmd);
        foreach (var format in DownloadFormats.All)
        {
            OnLine(xml, DownloadFormats.Url(metadata.BaseUrl, layer, format), "WWW:DOWNLOAD-1.0-http--download", format.Name, "download");
        }

        OnLine(xml, metadata.CollectionUrl, "OGC:API-Features", layer, "information");
        OnLine(xml, metadata.BaseUrl + "/wfs?service=WFS&request=GetCapabilities", "OGC:WFS", "envgis:" + layer, "download");
        OnLine(xml, metadata.BaseUrl + "/wms?service=WMS&request=GetCapabilities", "OGC:WMS", layer, "browsing");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Quality(XmlWriter xml, LayerMetadata metadata)
    {
        xml.WriteStartElement("gmd", "dataQualityInfo", Gmd);
        xml.WriteStartElement("gmd", "DQ_DataQuality", Gmd);
        xml.WriteStartElement("gmd", "scope", Gmd);
        xml.WriteStartElement("gmd", "DQ_Scope", Gmd);
        Code(xml, "level", "MD_ScopeCode", "dataset");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("gmd", "lineage", Gmd);
        xml.WriteStartElement("gmd", "LI_Lineage", Gmd);
        var sources = metadata.Facts.Sources.Count == 0 ? "" : " " + string.Join("; ", metadata.Facts.Sources) + ".";
        var attribution = metadata.Layer.Attribution is { } a ? " " + a + "." : "";
        FreeText(xml, "statement", new LocalizedText(
            "Dữ liệu do các đơn vị nhập trực tiếp vào hệ thống, được phê duyệt rồi công bố (Điều 7 của Quy chế); mọi thay đổi được ghi lịch sử. Nguồn:" + sources + attribution,
            "Entered by the units into the system, approved and then published (Article 7 of the regulation); every change is kept in the history. Sources:" + sources + attribution));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void OnLine(XmlWriter xml, string url, string protocol, string name, string function)
    {
        xml.WriteStartElement("gmd", "onLine", Gmd);
        xml.WriteStartElement("gmd", "CI_OnlineResource", Gmd);
        xml.WriteStartElement("gmd", "linkage", Gmd);
        xml.WriteElementString("gmd", "URL", Gmd, url);
        xml.WriteEndElement();
        CharacterString(xml, "protocol", protocol);
        CharacterString(xml, "name", name);
        Code(xml, "function", "CI_OnLineFunctionCode", function);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The Department, which keeps the system and its metadata (Art. 10, 11.1).</summary>
    private static void Department(XmlWriter xml, string element, string role) =>
        Party(xml, element, new LocalizedText("Sở Nông nghiệp và Môi trường thành phố Hải Phòng", "Hải Phòng Department of Agriculture and Environment"),
            role, "Hải Phòng");

    private static void Party(XmlWriter xml, string element, LocalizedText organisation, string role, string? city)
    {
        xml.WriteStartElement("gmd", element, Gmd);
        xml.WriteStartElement("gmd", "CI_ResponsibleParty", Gmd);
        FreeText(xml, "organisationName", organisation);
        if (city is not null)
        {
            xml.WriteStartElement("gmd", "contactInfo", Gmd);
            xml.WriteStartElement("gmd", "CI_Contact", Gmd);
            xml.WriteStartElement("gmd", "address", Gmd);
            xml.WriteStartElement("gmd", "CI_Address", Gmd);
            CharacterString(xml, "city", city);
            CharacterString(xml, "country", "Việt Nam");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        Code(xml, "role", "CI_RoleCode", role);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void CharacterString(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement("gmd", element, Gmd);
        xml.WriteElementString("gco", "CharacterString", Gco, value);
        xml.WriteEndElement();
    }

    /// <summary>Vietnamese as the character string, English as a localised string (ISO 19139 PT_FreeText).</summary>
    private static void FreeText(XmlWriter xml, string element, LocalizedText text)
    {
        xml.WriteStartElement("gmd", element, Gmd);
        xml.WriteAttributeString("xsi", "type", Xsi, "gmd:PT_FreeText_PropertyType");
        xml.WriteElementString("gco", "CharacterString", Gco, text.Vi);
        xml.WriteStartElement("gmd", "PT_FreeText", Gmd);
        xml.WriteStartElement("gmd", "textGroup", Gmd);
        xml.WriteStartElement("gmd", "LocalisedCharacterString", Gmd);
        xml.WriteAttributeString("locale", "#" + EnglishLocale);
        xml.WriteString(text.En);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Code(XmlWriter xml, string element, string list, string value)
    {
        xml.WriteStartElement("gmd", element, Gmd);
        xml.WriteStartElement("gmd", list, Gmd);
        xml.WriteAttributeString("codeList", CodeLists + list);
        xml.WriteAttributeString("codeListValue", value);
        xml.WriteString(value);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Language(XmlWriter xml, string element, string code)
    {
        xml.WriteStartElement("gmd", element, Gmd);
        xml.WriteStartElement("gmd", "LanguageCode", Gmd);
        xml.WriteAttributeString("codeList", "http://www.loc.gov/standards/iso639-2/");
        xml.WriteAttributeString("codeListValue", code);
        xml.WriteString(code);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Decimal(XmlWriter xml, string element, double value)
    {
        xml.WriteStartElement("gmd", element, Gmd);
        xml.WriteElementString("gco", "Decimal", Gco, value.ToString("0.#######", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }
}
