using System.Globalization;
using System.Xml;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Metadata;
using EnvGis.Ows.OgcApi.Common;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Csw;

/// <summary>
/// The catalogue service, CSW 2.0.2 at /csw (docs/open-data.md "CSW"), on the shared OGC dispatcher:
/// GetCapabilities, DescribeRecord, GetRecords (OGC Filter 1.1 or CQL text constraints, Dublin Core or
/// ISO 19139 output, brief/summary/full) and GetRecordById. Exceptions are OWS 1.0 ExceptionReports.
/// </summary>
public sealed class CswService : IOwsService
{
    private const string ContentType = "application/xml; charset=utf-8";

    private readonly CswCatalogue catalogue;

    public CswService(CswCatalogue catalogue)
    {
        this.catalogue = catalogue;
        Operations = new Dictionary<string, OwsOperation>(StringComparer.OrdinalIgnoreCase)
        {
            ["GetCapabilities"] = new("GetCapabilities", GetCapabilitiesAsync),
            ["DescribeRecord"] = new("DescribeRecord", DescribeRecordAsync),
            ["GetRecords"] = new("GetRecords", GetRecordsAsync),
            ["GetRecordById"] = new("GetRecordById", GetRecordByIdAsync),
        };
    }

    public string Name => CswNames.Service;

    public IReadOnlyList<string> Versions { get; } = [CswNames.Version];

    public IReadOnlyDictionary<string, OwsOperation> Operations { get; }

    public Task WriteExceptionAsync(HttpContext context, OwsException exception, string? version) =>
        ExceptionReportWriter.WriteAsync(context.Response, exception, ExceptionReportWriter.Flavor.Ows10);

    private static async Task GetCapabilitiesAsync(OwsCall call)
    {
        // Caller-independent: anyone's capabilities are the same.
        call.Response.Headers.CacheControl = "public, max-age=300";
        await using var output = OwsXml.Start(call.Response, ContentType);
        CswCapabilitiesWriter.Write(output.Writer, call.ServiceUrl);
        await output.FlushAsync();
    }

    private static async Task DescribeRecordAsync(OwsCall call)
    {
        var names = call.Request.Body is { } body
            ? body.Elements().Where(e => e.Name.LocalName == "TypeName").Select(e => e.Value.Trim()).ToList()
            : (call.Request.Parameters.Get("typename", "typenames")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []).ToList();
        if (names.Count == 0)
        {
            names = [.. CswNames.TypeNames];
        }

        if (names.FirstOrDefault(n => !CswNames.TypeNames.Contains(n.Contains(':') ? n : "csw:" + n)) is { } unknown)
        {
            throw OwsException.Invalid("typeName", $"'{(unknown.Length > 60 ? unknown[..60] : unknown)}' is not a record type here; use {string.Join(" or ", CswNames.TypeNames)}.");
        }

        call.Response.Headers.CacheControl = "public, max-age=300";
        await using var output = OwsXml.Start(call.Response, ContentType);
        var xml = output.Writer;
        xml.WriteStartDocument();
        xml.WriteStartElement("csw", "DescribeRecordResponse", CswNames.Csw);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, CswNames.Csw + " " + CswNames.DiscoverySchema);
        foreach (var name in names.Select(n => n.Contains(':') ? n : "csw:" + n).Distinct())
        {
            var iso = name == CswNames.IsoType;
            var (ns, location) = iso
                ? (CswNames.Iso, "http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd")
                : (CswNames.Csw, CswNames.RecordSchema);
            xml.WriteStartElement("csw", "SchemaComponent", CswNames.Csw);
            xml.WriteAttributeString("targetNamespace", ns);
            xml.WriteAttributeString("schemaLanguage", "http://www.w3.org/XML/Schema");
            xml.WriteStartElement("xsd", "schema", CswNames.Xsd);
            xml.WriteAttributeString("targetNamespace", "urn:envgis:csw:" + (iso ? "gmd" : "csw"));
            xml.WriteStartElement("xsd", "import", CswNames.Xsd);
            xml.WriteAttributeString("namespace", ns);
            xml.WriteAttributeString("schemaLocation", location);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        await output.FlushAsync();
    }

    private async Task GetRecordsAsync(OwsCall call)
    {
        var query = CswQueryParser.Parse(call.Request);
        var selected = CswCatalogue.Select(await catalogue.RecordsAsync(call), query);
        var page = query.Hits ? [] : selected.Skip(query.StartPosition - 1).Take(query.MaxRecords).ToList();
        var next = query.Hits || query.StartPosition - 1 + page.Count >= selected.Count ? 0 : query.StartPosition + page.Count;
        OgcApiResponses.CacheHeaders(call.Response, call.Scope, TimeSpan.FromMinutes(1));
        await using var output = OwsXml.Start(call.Response, ContentType);
        var xml = output.Writer;
        xml.WriteStartDocument();
        xml.WriteStartElement("csw", "GetRecordsResponse", CswNames.Csw);
        Namespaces(xml);
        xml.WriteAttributeString("version", CswNames.Version);
        xml.WriteStartElement("csw", "SearchStatus", CswNames.Csw);
        xml.WriteAttributeString("timestamp", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteStartElement("csw", "SearchResults", CswNames.Csw);
        xml.WriteAttributeString("numberOfRecordsMatched", selected.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("numberOfRecordsReturned", page.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("nextRecord", next.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("recordSchema", query.OutputSchema);
        xml.WriteAttributeString("elementSet", query.ElementSet);
        foreach (var record in page)
        {
            WriteRecord(xml, record, query.OutputSchema, query.ElementSet);
            await output.FlushIfFullAsync();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        await output.FlushAsync();
    }

    private async Task GetRecordByIdAsync(OwsCall call)
    {
        var parameters = call.Request.Parameters;
        var ids = call.Request.Body is { } body
            ? body.Elements().Where(e => e.Name.LocalName == "Id").Select(e => e.Value.Trim()).ToList()
            : (parameters.Get("id") ?? throw OwsException.Missing("Id")).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (ids.Count == 0)
        {
            throw OwsException.Missing("Id");
        }

        var schema = CswQueryParser.OutputSchema(call.Request.Body?.Attribute("outputSchema")?.Value ?? parameters.Get("outputschema"));
        var elementSet = CswQueryParser.ElementSet(
            call.Request.Body?.Elements().FirstOrDefault(e => e.Name.LocalName == "ElementSetName")?.Value ?? parameters.Get("elementsetname"));
        var records = new List<CswRecord>();
        foreach (var id in ids.Distinct().Take(100))
        {
            if (await catalogue.FindAsync(call, id) is { } record)
            {
                records.Add(record);
            }
        }

        OgcApiResponses.CacheHeaders(call.Response, call.Scope, TimeSpan.FromMinutes(1));
        await using var output = OwsXml.Start(call.Response, ContentType);
        var xml = output.Writer;
        xml.WriteStartDocument();
        xml.WriteStartElement("csw", "GetRecordByIdResponse", CswNames.Csw);
        Namespaces(xml);
        foreach (var record in records)
        {
            WriteRecord(xml, record, schema, elementSet);
        }

        xml.WriteEndElement();
        await output.FlushAsync();
    }

    /// <summary>Dublin Core in the asked element set; ISO records are always the full record (the same as /metadata).</summary>
    private static void WriteRecord(XmlWriter xml, CswRecord record, string schema, string elementSet)
    {
        if (schema == CswNames.Iso)
        {
            IsoMetadataWriter.Write(xml, record.Metadata, root: false);
        }
        else
        {
            DublinCoreWriter.Write(xml, record, elementSet);
        }
    }

    private static void Namespaces(XmlWriter xml)
    {
        xml.WriteAttributeString("xmlns", "dc", null, CswNames.Dc);
        xml.WriteAttributeString("xmlns", "dct", null, CswNames.Dct);
        xml.WriteAttributeString("xmlns", "ows", null, OwsXml.Ows10);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, CswNames.Csw + " " + CswNames.DiscoverySchema);
    }
}
