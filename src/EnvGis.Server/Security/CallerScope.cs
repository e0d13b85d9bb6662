using EnvGis.Core.Security;

namespace EnvGis.Server.Security;

/// <summary>Resolves what the caller of a request may read.</summary>
public static class CallerScope
{
    // Accounts do not exist yet: every caller reads as the public does.
    public static ReadScope GetReadScope(this HttpContext context) => ReadScope.Anonymous;
}
