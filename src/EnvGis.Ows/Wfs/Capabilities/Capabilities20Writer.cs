using System.Globalization;
using System.Xml;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Features;
using EnvGis.Core.Filters;
using EnvGis.Ows.Filters;
using EnvGis.Ows.Gml;
using EnvGis.Ows.Wfs.StoredQueries;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>WFS 2.0.0 capabilities (OWS 1.1, FES 2.0), titles and abstracts in both languages with xml:lang.</summary>
public static class Capabilities20Writer
{
    private const string Wfs = WfsVersions.Wfs20Namespace;
    private const string Ows = OwsXml.Ows11;
    private const string Fes = FesParser.Fes20;

    public static void Write(XmlWriter xml, CapabilitiesModel model)
    {
        var language = model.Language;
        var other = ServiceDescription.Other(language);
        xml.WriteStartDocument();
        xml.WriteStartElement("wfs", "WFS_Capabilities", Wfs);
        xml.WriteAttributeString("xmlns", "ows", null, Ows);
        xml.WriteAttributeString("xmlns", "fes", null, Fes);
        xml.WriteAttributeString("xmlns", "gml", null, GmlNamespaces.Gml32);
        xml.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
        xml.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        xml.WriteAttributeString("xmlns", FeatureType.Prefix, null, FeatureType.Namespace);
        xml.WriteAttributeString("version", WfsVersions.V200);
        xml.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, $"{Wfs} {OwsXml.SchemasBase}wfs/2.0/wfs.xsd");

        xml.WriteStartElement("ows", "ServiceIdentification", Ows);
        Localized(xml, "ows", "Title", Ows, ServiceDescription.Title.In(language), language);
        Localized(xml, "ows", "Title", Ows, ServiceDescription.Title.In(other), other);
        Localized(xml, "ows", "Abstract", Ows, ServiceDescription.Abstract.In(language), language);
        Localized(xml, "ows", "Abstract", Ows, ServiceDescription.Abstract.In(other), other);
        xml.WriteStartElement("ows", "Keywords", Ows);
        foreach (var keyword in ServiceDescription.Keywords)
        {
            xml.WriteElementString("ows", "Keyword", Ows, keyword);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("ows", "ServiceType", Ows);
        xml.WriteAttributeString("codeSpace", "OGC");
        xml.WriteString("WFS");
        xml.WriteEndElement();
        foreach (var version in WfsVersions.All)
        {
            xml.WriteElementString("ows", "ServiceTypeVersion", Ows, version);
        }

        xml.WriteElementString("ows", "Fees", Ows, "NONE");
        xml.WriteElementString("ows", "AccessConstraints", Ows, "NONE");
        xml.WriteEndElement();

        xml.WriteStartElement("ows", "ServiceProvider", Ows);
        xml.WriteElementString("ows", "ProviderName", Ows, ServiceDescription.Provider.In(language));
        xml.WriteStartElement("ows", "ServiceContact", Ows);
        xml.WriteStartElement("ows", "ContactInfo", Ows);
        xml.WriteStartElement("ows", "Address", Ows);
        xml.WriteElementString("ows", "City", Ows, "Hải Phòng");
        xml.WriteElementString("ows", "Country", Ows, "Việt Nam");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        WriteOperations(xml, model);
        WriteFeatureTypes(xml, model);
        WriteFilterCapabilities(xml);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteOperations(XmlWriter xml, CapabilitiesModel model)
    {
        var formats = OutputFormat.For(WfsVersions.V200).Select(f => f.Name).ToArray();
        xml.WriteStartElement("ows", "OperationsMetadata", Ows);
        Operation(xml, model.ServiceUrl, "GetCapabilities",
            ("AcceptVersions", WfsVersions.All.ToArray()), ("AcceptFormats", ["text/xml"]), ("Sections", ["ServiceIdentification", "ServiceProvider", "OperationsMetadata", "FeatureTypeList", "Filter_Capabilities"]));
        Operation(xml, model.ServiceUrl, "DescribeFeatureType", ("outputFormat", [OutputFormat.Gml32.Name, OutputFormat.Gml31.Name]));
        Operation(xml, model.ServiceUrl, "GetFeature", ("outputFormat", formats), ("resultType", ["results", "hits"]));
        Operation(xml, model.ServiceUrl, "GetPropertyValue", ("outputFormat", [OutputFormat.Gml32.Name]), ("resolve", ["none"]));
        Operation(xml, model.ServiceUrl, "ListStoredQueries");
        Operation(xml, model.ServiceUrl, "DescribeStoredQueries");
        if (model.Transactional)
        {
            TransactionOperation(xml, model.ServiceUrl);
        }

        Parameter(xml, "version", WfsVersions.All.ToArray());
        foreach (var (name, value) in new[]
        {
            ("ImplementsBasicWFS", "TRUE"), ("ImplementsTransactionalWFS", model.Transactional ? "TRUE" : "FALSE"), ("ImplementsLockingWFS", "FALSE"),
            ("KVPEncoding", "TRUE"), ("XMLEncoding", "TRUE"), ("SOAPEncoding", "FALSE"), ("ImplementsInheritance", "FALSE"),
            ("ImplementsRemoteResolve", "FALSE"), ("ImplementsResultPaging", "TRUE"), ("ImplementsStandardJoins", "FALSE"),
            ("ImplementsSpatialJoins", "FALSE"), ("ImplementsTemporalJoins", "FALSE"), ("ImplementsFeatureVersioning", "FALSE"),
            ("ManageStoredQueries", "FALSE"), ("PagingIsTransactionSafe", "FALSE"),
        })
        {
            Constraint(xml, name, value);
        }

        Constraint(xml, "CountDefault", model.CountDefault.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("ows", "Constraint", Ows);
        xml.WriteAttributeString("name", "QueryExpressions");
        xml.WriteStartElement("ows", "AllowedValues", Ows);
        xml.WriteElementString("ows", "Value", Ows, "wfs:Query");
        xml.WriteElementString("ows", "Value", Ows, "wfs:StoredQuery");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Transaction (POST only), advertised only to callers who may edit.</summary>
    private static void TransactionOperation(XmlWriter xml, string url)
    {
        OwsOperationWriter.Start(xml, Ows, "Transaction", url, get: false);
        xml.WriteEndElement();
    }

    private static void Operation(XmlWriter xml, string url, string name, params (string Name, string[] Values)[] parameters)
    {
        OwsOperationWriter.Start(xml, Ows, name, url);
        foreach (var (parameter, values) in parameters)
        {
            Parameter(xml, parameter, values);
        }

        xml.WriteEndElement();
    }

    private static void Parameter(XmlWriter xml, string name, string[] values)
    {
        xml.WriteStartElement("ows", "Parameter", Ows);
        xml.WriteAttributeString("name", name);
        xml.WriteStartElement("ows", "AllowedValues", Ows);
        foreach (var value in values)
        {
            xml.WriteElementString("ows", "Value", Ows, value);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Constraint(XmlWriter xml, string name, string value, bool filterConformance = false)
    {
        if (filterConformance)
        {
            xml.WriteStartElement("fes", "Constraint", Fes);
        }
        else
        {
            xml.WriteStartElement("ows", "Constraint", Ows);
        }

        xml.WriteAttributeString("name", name);
        xml.WriteElementString("ows", "NoValues", Ows, null);
        xml.WriteElementString("ows", "DefaultValue", Ows, value);
        xml.WriteEndElement();
    }

    private static void WriteFeatureTypes(XmlWriter xml, CapabilitiesModel model)
    {
        var language = model.Language;
        var other = ServiceDescription.Other(language);
        xml.WriteStartElement("wfs", "FeatureTypeList", Wfs);
        foreach (var entry in model.FeatureTypes)
        {
            var layer = entry.Type.Layer;
            xml.WriteStartElement("wfs", "FeatureType", Wfs);
            xml.WriteElementString("wfs", "Name", Wfs, entry.Type.QualifiedName);
            Localized(xml, "wfs", "Title", Wfs, layer.Title.In(language), language);
            Localized(xml, "wfs", "Title", Wfs, layer.Title.In(other), other);
            Localized(xml, "wfs", "Abstract", Wfs, layer.Abstract.In(language), language);
            Localized(xml, "wfs", "Abstract", Wfs, layer.Abstract.In(other), other);
            xml.WriteStartElement("ows", "Keywords", Ows);
            foreach (var keyword in CapabilitiesKeywords.Of(entry))
            {
                xml.WriteElementString("ows", "Keyword", Ows, keyword);
            }

            xml.WriteEndElement();
            xml.WriteElementString("wfs", "DefaultCRS", Wfs, CoordinateSystems.Wgs84.Urn);
            foreach (var crs in CoordinateSystems.All.Skip(1))
            {
                xml.WriteElementString("wfs", "OtherCRS", Wfs, crs.Urn);
            }

            xml.WriteStartElement("wfs", "OutputFormats", Wfs);
            foreach (var format in OutputFormat.For(WfsVersions.V200))
            {
                xml.WriteElementString("wfs", "Format", Wfs, format.Name);
            }

            xml.WriteEndElement();
            CapabilitiesKeywords.WriteWgs84BoundingBox(xml, Ows, entry.Extent ?? CapabilitiesHandler.CityExtent);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteFilterCapabilities(XmlWriter xml)
    {
        xml.WriteStartElement("fes", "Filter_Capabilities", Fes);
        xml.WriteStartElement("fes", "Conformance", Fes);
        foreach (var (name, value) in new[]
        {
            ("ImplementsQuery", "TRUE"), ("ImplementsAdHocQuery", "TRUE"), ("ImplementsFunctions", "FALSE"),
            ("ImplementsResourceId", "TRUE"), ("ImplementsMinStandardFilter", "TRUE"), ("ImplementsStandardFilter", "TRUE"),
            ("ImplementsMinSpatialFilter", "TRUE"), ("ImplementsSpatialFilter", "TRUE"), ("ImplementsMinTemporalFilter", "TRUE"),
            ("ImplementsTemporalFilter", "FALSE"), ("ImplementsVersionNav", "FALSE"), ("ImplementsSorting", "TRUE"),
            ("ImplementsExtendedOperators", "FALSE"), ("ImplementsMinimumXPath", "TRUE"), ("ImplementsSchemaElementFunc", "FALSE"),
        })
        {
            Constraint(xml, name, value, filterConformance: true);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("fes", "Id_Capabilities", Fes);
        xml.WriteStartElement("fes", "ResourceIdentifier", Fes);
        xml.WriteAttributeString("name", "fes:ResourceId");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("fes", "Scalar_Capabilities", Fes);
        xml.WriteElementString("fes", "LogicalOperators", Fes, null);
        xml.WriteStartElement("fes", "ComparisonOperators", Fes);
        foreach (var op in FilterCapabilities.Comparison20)
        {
            xml.WriteStartElement("fes", "ComparisonOperator", Fes);
            xml.WriteAttributeString("name", op);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("fes", "Spatial_Capabilities", Fes);
        xml.WriteStartElement("fes", "GeometryOperands", Fes);
        foreach (var operand in FilterCapabilities.GeometryOperands)
        {
            xml.WriteStartElement("fes", "GeometryOperand", Fes);
            xml.WriteAttributeString("name", operand);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("fes", "SpatialOperators", Fes);
        foreach (var op in FilterCapabilities.Spatial)
        {
            xml.WriteStartElement("fes", "SpatialOperator", Fes);
            xml.WriteAttributeString("name", op);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("fes", "Temporal_Capabilities", Fes);
        xml.WriteStartElement("fes", "TemporalOperands", Fes);
        foreach (var operand in new[] { "gml:TimeInstant", "gml:TimePeriod" })
        {
            xml.WriteStartElement("fes", "TemporalOperand", Fes);
            xml.WriteAttributeString("name", operand);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("fes", "TemporalOperators", Fes);
        foreach (var op in FilterCapabilities.Temporal)
        {
            xml.WriteStartElement("fes", "TemporalOperator", Fes);
            xml.WriteAttributeString("name", op);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Localized(XmlWriter xml, string prefix, string name, string ns, string text, string? language)
    {
        xml.WriteStartElement(prefix, name, ns);
        if (language is not null)
        {
            xml.WriteAttributeString("xml", "lang", null, language);
        }

        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
