namespace EnvGis.Data.Exchange;

/// <summary>A page of the change feed and the cursor to ask with next; <see cref="More"/> when more is ready now.</summary>
public sealed record FeedPage(IReadOnlyList<FeedChange> Changes, FeedCursor Next, bool More);
