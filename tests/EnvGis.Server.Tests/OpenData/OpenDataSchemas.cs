using System.Xml;
using System.Xml.Schema;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>
/// Validates ISO 19139 metadata and CSW 2.0.2 documents offline against the official schemas in
/// OpenData/TestData/ogc-schemas (see PROVENANCE.md there); nothing is fetched.
/// </summary>
public static class OpenDataSchemas
{
    public const string Gmd = "http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd";
    public const string Csw = "http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd";
    public const string Ows = "http://schemas.opengis.net/ows/1.0.0/owsAll.xsd";

    public static string Root { get; } = Path.Combine(RepositoryPaths.Root, "tests", "EnvGis.Server.Tests", "OpenData", "TestData", "ogc-schemas");

    private static readonly Dictionary<string, XmlSchemaSet> Sets = [];

    /// <summary>The validation errors and warnings (empty when valid); an element no schema declares is an error.</summary>
    public static List<string> Validate(string xml, params string[] schemaUrls)
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
