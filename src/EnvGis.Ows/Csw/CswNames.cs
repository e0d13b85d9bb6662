namespace EnvGis.Ows.Csw;

/// <summary>The namespaces, type names and output schemas of CSW 2.0.2 as EnvGis serves them (docs/open-data.md "CSW").</summary>
public static class CswNames
{
    public const string Service = "CSW";
    public const string Version = "2.0.2";
    public const string Csw = "http://www.opengis.net/cat/csw/2.0.2";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Gml311 = "http://www.opengis.net/gml";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";
    public const string DiscoverySchema = "http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd";
    public const string RecordSchema = "http://schemas.opengis.net/csw/2.0.2/record.xsd";

    /// <summary>Dublin Core records (the default output schema).</summary>
    public const string DublinCore = Csw;

    /// <summary>ISO 19139 records (the same record as /ogcapi/collections/{layer}/metadata).</summary>
    public const string Iso = "http://www.isotc211.org/2005/gmd";

    public const string RecordType = "csw:Record";
    public const string IsoType = "gmd:MD_Metadata";

    public static IReadOnlyList<string> OutputSchemas { get; } = [DublinCore, Iso];

    public static IReadOnlyList<string> TypeNames { get; } = [RecordType, IsoType];

    public static IReadOnlyList<string> ElementSets { get; } = ["brief", "summary", "full"];

    public const string FilterLanguage = "FILTER";
    public const string CqlLanguage = "CQL_TEXT";

    /// <summary>The record properties a constraint may name (prefix and case ignored): Dublin Core and the ISO queryables.</summary>
    public static IReadOnlyList<string> Queryables { get; } =
        ["AnyText", "Title", "Abstract", "Subject", "Identifier", "Type", "Modified", "Format", "Language", "BoundingBox", "OrganisationName"];
}
