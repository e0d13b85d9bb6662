using System.Xml.Linq;

namespace EnvGis.Ows.Dispatch;

/// <summary>
/// A request as the dispatcher parsed it once: the service, the operation, the version asked for,
/// and either the KVP parameters (names case-insensitive) or the XML body.
/// </summary>
public sealed record OwsRequest(
    string? Service,
    string Operation,
    string? Version,
    IReadOnlyList<string>? AcceptVersions,
    KeyValueParameters Parameters,
    XElement? Body)
{
    public bool IsXml => Body is not null;
}
