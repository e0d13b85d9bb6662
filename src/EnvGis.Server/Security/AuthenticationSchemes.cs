namespace EnvGis.Server.Security;

/// <summary>The authentication schemes: one policy scheme picks cookie, Basic or Bearer from the request.</summary>
public static class AuthenticationSchemes
{
    public const string Default = "EnvGis";
    public const string Cookie = "EnvGis.Cookie";
    public const string Basic = "Basic";
    public const string Bearer = "Bearer";
    public const string Realm = "EnvGis";

    /// <summary>Claim types beyond the standard ones.</summary>
    public const string SessionClaim = "envgis:session";
    public const string UnitClaim = "envgis:unit";

    /// <summary>Requests with an Authorization header use it (Bearer, else Basic); others the portal cookie.</summary>
    public static string Select(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return Cookie;
        }

        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : Basic;
    }
}
