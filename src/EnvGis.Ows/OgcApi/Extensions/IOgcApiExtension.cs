using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.OgcApi.Extensions;

/// <summary>
/// The one registration point for other parts of the OGC API (e.g. the EDR collection
/// <c>monitoring</c>): register an implementation in the services and its conformance classes join
/// <c>/ogcapi/conformance</c> and its collections join <c>/ogcapi/collections</c> (JSON and HTML).
/// The part serves its own routes under <c>/ogcapi/collections/{id}</c>.
/// </summary>
public interface IOgcApiExtension
{
    /// <summary>The conformance class URIs the part implements.</summary>
    IReadOnlyList<string> ConformanceClasses { get; }

    /// <summary>
    /// The collection documents (as in <c>/collections</c>: id, title, description, extent, links…) this
    /// caller may see; <paramref name="baseUrl"/> is the public URL of <c>/ogcapi</c>.
    /// </summary>
    Task<IReadOnlyList<JsonObject>> CollectionsAsync(HttpContext context, string baseUrl, CancellationToken ct);
}
