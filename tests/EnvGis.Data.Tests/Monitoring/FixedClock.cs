namespace EnvGis.Data.Tests.Monitoring;

/// <summary>A clock standing at one instant, so deliveries of fixed dates (e.g. around 1 Jan 2026) are within the accepted window.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
