using EnvGis.Core.Security;

namespace EnvGis.Data.Changes;

/// <summary>
/// Which callers see the same records of a layer, for cache keys: "public" for the public and for
/// units whose own records are visible nowhere (their visibility rule is the public one), else the
/// scope's own key. Responses for different keys never share a cache entry.
/// </summary>
public static class VisibilityKey
{
    public const string Public = "public";

    public static string Of(ReadScope scope) => SeesAsPublic(scope) ? Public : scope.CacheKey;

    /// <summary>True when the scope's visibility rule is the public one (published, not restricted).</summary>
    public static bool SeesAsPublic(ReadScope scope) =>
        scope.IsAnonymous || (!scope.SeesUnpublished && !scope.SeesRestricted && scope.Area is null);
}
