namespace EnvGis.Data.Exchange;

/// <summary>
/// The kinds of change the feed reports, seen from the public: a record enters the public data
/// (inserted already published, or published), changes while public, or leaves it (deleted, i.e.
/// archived or purged, or unpublished: sent back through approval, restricted).
/// </summary>
public static class FeedChangeKinds
{
    public const string Insert = "insert";
    public const string Publish = "publish";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Unpublish = "unpublish";

    public static IReadOnlyList<string> All { get; } = [Insert, Publish, Update, Delete, Unpublish];

    /// <summary>The kind of a history entry for the public, or null when the public saw it neither before nor after.</summary>
    public static string? Of(string action, bool publicBefore, bool publicAfter) => (publicBefore, publicAfter) switch
    {
        (false, true) => action == "insert" ? Insert : Publish,
        (true, true) => Update,
        (true, false) => action is "delete" or "purge" ? Delete : Unpublish,
        _ => null,
    };
}
