using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Dispatch;

/// <summary>Everything a handler gets: the parsed request, the negotiated version, the caller's scope and the catalogue.</summary>
public sealed record OwsCall(
    HttpContext Http,
    OwsRequest Request,
    string Version,
    string ServiceUrl,
    ReadScope Scope,
    LayerCatalogue Catalogue)
{
    public CancellationToken Aborted => Http.RequestAborted;

    public HttpResponse Response => Http.Response;
}
