using System.Xml;
using System.Xml.Schema;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Wms;

/// <summary>
/// Validates WMS documents offline: 1.3.0 against the official XML schemas, 1.1.1 against the
/// official DTDs, both from Wms/TestData/ogc-schemas (see PROVENANCE.md there). Schema and DTD URLs
/// under http://schemas.opengis.net/ and http://www.w3.org/ map to the local copies; anything else
/// is refused, so nothing is fetched.
/// </summary>
public static class WmsSchemas
{
    public const string Capabilities130 = "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd";
    public const string Exceptions130 = "http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd";
    public const string SldCapabilities = "http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd";

    public static string Root { get; } = Path.Combine(RepositoryPaths.Root, "tests", "EnvGis.Server.Tests", "Wms", "TestData", "ogc-schemas");

    private static readonly Dictionary<string, XmlSchemaSet> Sets = [];

    /// <summary>The validation errors of an XML Schema validation (empty when valid).</summary>
    public static List<string> ValidateXsd(string xml, params string[] schemaUrls)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Load(schemaUrls),
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>The validation errors of a DTD validation against the document's DOCTYPE (empty when valid).</summary>
    public static List<string> ValidateDtd(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse,
            ValidationType = ValidationType.DTD,
            XmlResolver = new OfflineResolver(),
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet Load(string[] urls)
    {
        var key = string.Join("|", urls);
        lock (Sets)
        {
            if (Sets.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var resolver = new OfflineResolver();
            var set = new XmlSchemaSet { XmlResolver = resolver };
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = resolver };
            foreach (var url in urls)
            {
                using var reader = XmlReader.Create(url, settings);
                set.Add(null, reader);
            }

            set.Compile();
            Sets[key] = set;
            return set;
        }
    }

    private sealed class OfflineResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) => File.OpenRead(LocalPath(absoluteUri));

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            relativeUri is not null && relativeUri.StartsWith("http", StringComparison.Ordinal) ? new Uri(relativeUri) : base.ResolveUri(baseUri, relativeUri);

        private static string LocalPath(Uri uri)
        {
            var text = uri.ToString();
            var path = text.StartsWith("http://schemas.opengis.net/", StringComparison.Ordinal)
                ? Path.Combine(Root, "ogc", text["http://schemas.opengis.net/".Length..])
                : text.StartsWith("http://www.w3.org/", StringComparison.Ordinal)
                    ? Path.Combine(Root, "w3c", text["http://www.w3.org/".Length..] is "2009/01/xml.xsd" ? "2001/xml.xsd" : text["http://www.w3.org/".Length..])
                    : uri.IsFile && uri.LocalPath.StartsWith(Root, StringComparison.Ordinal)
                        ? uri.LocalPath
                        : throw new InvalidOperationException($"'{uri}' is not available offline; the tests never fetch it.");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Missing test schema {path}");
        }
    }
}
