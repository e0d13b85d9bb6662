namespace EnvGis.Data.Changes;

/// <summary>
/// Whether this node is connected to the change log and caught up (set by <see cref="ChangeFeed"/>):
/// while it is not, caches are bypassed, so nothing stale is served as fresh. A separate object so
/// that the caches the feed informs can read it.
/// </summary>
public sealed class ChangeFeedState
{
    private volatile bool healthy;

    public bool Healthy
    {
        get => healthy;
        internal set => healthy = value;
    }
}
