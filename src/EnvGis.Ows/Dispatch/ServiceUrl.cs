using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Dispatch;

/// <summary>The URL the client used for this endpoint (after X-Forwarded-Proto/Host), for online resources in responses.</summary>
public static class ServiceUrl
{
    public static string Of(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
}
