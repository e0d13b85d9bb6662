namespace EnvGis.Server.OpenData;

/// <summary>
/// A page of the change feed: the changes in order, the cursor to ask with next time (<c>since</c>), and
/// whether more changes are already waiting (ask again at once) or the feed is caught up (poll later).
/// </summary>
public sealed record ChangeFeedResponse(IReadOnlyList<ChangeResponse> Changes, string Next, bool More);
