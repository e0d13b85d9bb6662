using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Wfs.GetFeature;

namespace EnvGis.Ows.Wfs.StoredQueries;

/// <summary>ListStoredQueries and DescribeStoredQueries: the mandatory GetFeatureById, over every visible type.</summary>
public static class StoredQueriesHandler
{
    private const string Wfs = WfsVersions.Wfs20Namespace;
    private const string Title = "Get feature by identifier";
    private const string Abstract = "Returns the one feature whose id (<layer>.<id>) is given as the ID parameter.";

    public static async Task ListAsync(OwsCall call)
    {
        RequireV200(call);
        var types = FeatureTypeResolver.Visible(call);
        await using var output = OwsXml.Start(call.Response, "application/xml; charset=utf-8");
        var xml = output.Writer;
        xml.WriteStartDocument();
        xml.WriteStartElement("wfs", "ListStoredQueriesResponse", Wfs);
        Namespaces(xml);
        xml.WriteStartElement("wfs", "StoredQuery", Wfs);
        xml.WriteAttributeString("id", QueryParsing.GetFeatureById);
        xml.WriteElementString("wfs", "Title", Wfs, Title);
        foreach (var type in types)
        {
            xml.WriteElementString("wfs", "ReturnFeatureType", Wfs, type.QualifiedName);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        await output.FlushAsync();
    }

    public static async Task DescribeAsync(OwsCall call)
    {
        RequireV200(call);
        var asked = call.Request.Body is { } body
            ? body.Elements().Where(e => e.Name.LocalName == "StoredQueryId").Select(e => e.Value.Trim()).ToList()
            : call.Request.Parameters.Get("storedquery_id") is { } ids ? FeatureTypeResolver.SplitList(ids) : [];
        foreach (var id in asked.Where(id => !QueryParsing.IsGetFeatureById(id)))
        {
            throw OwsException.Invalid("storedQuery_Id", $"There is no stored query '{id}'.");
        }

        var types = FeatureTypeResolver.Visible(call);
        await using var output = OwsXml.Start(call.Response, "application/xml; charset=utf-8");
        var xml = output.Writer;
        xml.WriteStartDocument();
        xml.WriteStartElement("wfs", "DescribeStoredQueriesResponse", Wfs);
        Namespaces(xml);
        xml.WriteStartElement("wfs", "StoredQueryDescription", Wfs);
        xml.WriteAttributeString("id", QueryParsing.GetFeatureById);
        xml.WriteElementString("wfs", "Title", Wfs, Title);
        xml.WriteElementString("wfs", "Abstract", Wfs, Abstract);
        xml.WriteStartElement("wfs", "Parameter", Wfs);
        xml.WriteAttributeString("name", "ID");
        xml.WriteAttributeString("type", "xs:string");
        xml.WriteEndElement();
        xml.WriteStartElement("wfs", "QueryExpressionText", Wfs);
        xml.WriteAttributeString("isPrivate", "true");
        xml.WriteAttributeString("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression");
        xml.WriteAttributeString("returnFeatureTypes", string.Join(' ', types.Select(t => t.QualifiedName)));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        await output.FlushAsync();
    }

    private static void Namespaces(System.Xml.XmlWriter xml)
    {
        xml.WriteAttributeString("xmlns", "xs", null, OwsXml.Xsd);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("xmlns", Features.FeatureType.Prefix, null, Features.FeatureType.Namespace);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, $"{Wfs} {OwsXml.SchemasBase}wfs/2.0/wfs.xsd");
    }

    private static void RequireV200(OwsCall call)
    {
        if (call.Version != WfsVersions.V200)
        {
            throw new OwsException(OwsException.OperationNotSupported, "Stored queries are a WFS 2.0 feature.", "request");
        }
    }
}
