using System.Xml;

namespace EnvGis.Core.Tests.Styling;

/// <summary>
/// Resolves the OGC and W3C schema URLs to the copies in TestData/ogc-schemas, and refuses anything
/// else, so schema validation never touches the network.
/// </summary>
internal sealed class OfflineSchemaResolver(string schemaFolder) : XmlResolver
{
    private static readonly (string Prefix, string Folder)[] Mirrors =
    [
        ("http://schemas.opengis.net/", "ogc"),
        ("http://www.w3.org/", "w3c"),
    ];

    public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        var url = absoluteUri.AbsoluteUri;
        foreach (var (prefix, folder) in Mirrors)
        {
            if (url.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Open(Path.Combine(schemaFolder, folder, url[prefix.Length..]), absoluteUri);
            }
        }
        if (absoluteUri.IsFile && Path.GetFullPath(absoluteUri.LocalPath).StartsWith(Path.GetFullPath(schemaFolder), StringComparison.Ordinal))
        {
            return Open(absoluteUri.LocalPath, absoluteUri);
        }
        throw new XmlException($"Refused to fetch {absoluteUri}: not part of the offline schema copies");
    }

    private static FileStream Open(string path, Uri uri) =>
        File.Exists(path) ? File.OpenRead(path) : throw new XmlException($"{uri} has no offline copy at {path}");
}
