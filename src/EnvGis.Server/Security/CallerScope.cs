using EnvGis.Core.Records;
using EnvGis.Core.Security;
using EnvGis.Data.Accounts;

namespace EnvGis.Server.Security;

/// <summary>
/// Resolves what the caller of a request may read and write: the single place every channel (tiles,
/// WFS, WMS, the API) turns the caller into a <see cref="ReadScope"/> or a <see cref="WriteScope"/>.
/// </summary>
public static class CallerScope
{
    public static Caller? GetCaller(this HttpContext context) => context.Features.Get<Caller>();

    /// <summary>The signed-in caller's read scope; anonymous callers read as the public does.</summary>
    public static ReadScope GetReadScope(this HttpContext context) => context.GetCaller()?.ReadScope ?? ReadScope.Anonymous;

    /// <summary>The signed-in caller's write scope, or null for anonymous callers.</summary>
    public static WriteScope? GetWriteScope(this HttpContext context) => context.GetCaller()?.WriteScope;

    /// <summary>
    /// The write scope for WFS-T: only for callers that authenticated themselves on the request
    /// (HTTP Basic or a token), never from the portal's ambient cookie, so a web page cannot post a
    /// transaction in a signed-in user's name.
    /// </summary>
    public static WriteScope? GetOgcWriteScope(HttpContext context) =>
        context.GetCaller() is { IsPortalSession: false } caller && caller.WriteScope.CanWrite ? caller.WriteScope : null;

    /// <summary>The history channel of an API write: the portal for cookie sessions, else the API.</summary>
    public static string ApiChannel(this HttpContext context) =>
        context.GetCaller()?.IsPortalSession == true ? RecordChannel.Portal : RecordChannel.Api;

    /// <summary>Where the request came from, for the sign-in log.</summary>
    public static ClientInfo ClientInfo(this HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
}
