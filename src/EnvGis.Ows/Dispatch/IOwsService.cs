using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Dispatch;

/// <summary>
/// An OGC service as the dispatcher sees it: its name, its versions (highest first), an explicit
/// table of operations, and its own exception document.
/// </summary>
public interface IOwsService
{
    /// <summary>The SERVICE parameter value, e.g. WFS.</summary>
    string Name { get; }

    /// <summary>Supported versions, highest first; the first is the default.</summary>
    IReadOnlyList<string> Versions { get; }

    /// <summary>The operations by name (REQUEST values, matched case-insensitively).</summary>
    IReadOnlyDictionary<string, OwsOperation> Operations { get; }

    /// <summary>Writes the exception document of <paramref name="version"/> (or the service default) with its status.</summary>
    Task WriteExceptionAsync(HttpContext context, OwsException exception, string? version);
}
