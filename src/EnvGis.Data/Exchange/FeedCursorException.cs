namespace EnvGis.Data.Exchange;

/// <summary>A change-feed cursor that the feed cannot have handed out (beyond its current end).</summary>
public sealed class FeedCursorException(string message) : Exception(message);
