using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace EnvGis.Ows.Tests.Schemas;

/// <summary>
/// Validates documents against the official OGC schemas copied in TestData/ogc-schemas, offline:
/// http://schemas.opengis.net/ and http://www.w3.org/ are mapped to the local copies; any other
/// URL is refused, so nothing is ever fetched.
/// </summary>
public static class OgcSchemas
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "ogc-schemas");

    private static readonly Dictionary<string, XmlSchemaSet> Cache = [];

    /// <summary>A compiled schema set of the given official schema URLs plus extra schema documents (DescribeFeatureType output).</summary>
    public static XmlSchemaSet Load(IEnumerable<string> urls, IEnumerable<string>? extraSchemas = null)
    {
        var extras = extraSchemas?.ToList() ?? [];
        var key = string.Join("|", urls) + "|" + string.Join("|", extras);
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var resolver = new OfflineResolver();
            var set = new XmlSchemaSet { XmlResolver = resolver };
            var errors = new List<string>();
            set.ValidationEventHandler += (_, e) =>
            {
                if (e.Severity == XmlSeverityType.Error)
                {
                    errors.Add(e.Message);
                }
            };
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = resolver };
            foreach (var url in urls)
            {
                using var reader = XmlReader.Create(url, settings);
                set.Add(null, reader);
            }

            foreach (var extra in extras)
            {
                using var reader = XmlReader.Create(new StringReader(extra), settings, "urn:envgis:describe-feature-type");
                set.Add(null, reader);
            }

            set.Compile();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The schemas do not compile: " + string.Join("; ", errors.Take(5)));
            }

            Cache[key] = set;
            return set;
        }
    }

    /// <summary>Validates the document and returns the validation errors (empty when valid).</summary>
    public static List<string> Validate(string xml, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error || !e.Message.Contains("Could not find schema information", StringComparison.Ordinal))
            {
                errors.Add($"{e.Severity} line {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
            }
        };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>Asserts validity, showing the first errors and the start of the document.</summary>
    public static void AssertValid(string xml, XmlSchemaSet schemas)
    {
        var errors = Validate(xml, schemas);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)) + "\n---\n" + xml[..Math.Min(xml.Length, 3000)]);
    }

    public const string Wfs20 = "http://schemas.opengis.net/wfs/2.0/wfs.xsd";
    public const string Wfs11 = "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd";
    public const string Gml32 = "http://schemas.opengis.net/gml/3.2.1/gml.xsd";
    public const string Gml311 = "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd";
    public const string Ows11Exceptions = "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd";
    public const string Ows10Exceptions = "http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd";

    public static XElement Parse(string xml) => XElement.Parse(xml);

    private sealed class OfflineResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            File.OpenRead(LocalPath(absoluteUri));

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            if (relativeUri is not null && (relativeUri.StartsWith("http://", StringComparison.Ordinal) || relativeUri.StartsWith("https://", StringComparison.Ordinal)))
            {
                return new Uri(relativeUri);
            }

            // Relative includes resolve against the remote URL of their parent, then map like any other.
            return base.ResolveUri(baseUri, relativeUri);
        }

        private static string LocalPath(Uri uri)
        {
            var text = uri.ToString();
            string[] prefixes = ["http://schemas.opengis.net/", "https://schemas.opengis.net/"];
            foreach (var prefix in prefixes)
            {
                if (text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return Existing(Path.Combine(Root, "ogc", text[prefix.Length..]));
                }
            }

            if (text.StartsWith("http://www.w3.org/", StringComparison.Ordinal))
            {
                var rest = text["http://www.w3.org/".Length..];
                // xml.xsd of 2001 imports its 2009 edition: the same file.
                return Existing(Path.Combine(Root, "w3c", rest == "2009/01/xml.xsd" ? "2001/xml.xsd" : rest));
            }

            if (uri.IsFile && uri.LocalPath.StartsWith(Root, StringComparison.Ordinal))
            {
                return uri.LocalPath;
            }

            throw new InvalidOperationException($"Schema '{uri}' is not available offline; the tests never fetch it.");
        }

        private static string Existing(string path) =>
            File.Exists(path) ? path : throw new FileNotFoundException($"Missing test schema {path}");
    }
}
