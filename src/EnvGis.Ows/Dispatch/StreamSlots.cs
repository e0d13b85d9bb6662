using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Dispatch;

/// <summary>
/// Bounds the streamed feature responses (GetFeature, GetPropertyValue) that hold a pooled database
/// connection while the client reads: at most <see cref="PerClient"/> at once per client address and
/// <see cref="Total"/> in all, well below the connection pool, so slow readers can never starve tiles,
/// maps and the API (docs/hardening.md, "Limits"). A request over a limit is refused at once (503 with
/// Retry-After). Kestrel's minimum response rate ends readers slower than 240 bytes/s, and the OGC
/// request timeout ends any response.
/// </summary>
public sealed class StreamSlots(int total, int perClient)
{
    private readonly ConcurrentDictionary<string, int> byClient = new(StringComparer.Ordinal);
    private int inUse;

    public int Total { get; } = total;

    public int PerClient { get; } = perClient;

    /// <summary>Responses streaming now.</summary>
    public int InUse => Volatile.Read(ref inUse);

    /// <summary>Takes a slot for <paramref name="context"/>'s client until the returned lease is disposed; throws when none is free.</summary>
    public IDisposable Enter(HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var mine = byClient.AddOrUpdate(client, 1, (_, n) => n + 1);
        var all = Interlocked.Increment(ref inUse);
        if (mine <= PerClient && all <= Total)
        {
            return new Lease(this, client);
        }

        Leave(client);
        throw new OwsException(OwsException.NoApplicableCode, mine > PerClient
            ? $"At most {PerClient} feature downloads may run at once from one address; wait for one to finish."
            : "The server is sending as many feature downloads as it may at once; try again shortly.",
            status: StatusCodes.Status503ServiceUnavailable)
        {
            RetryAfterSeconds = 10,
        };
    }

    private void Leave(string client)
    {
        Interlocked.Decrement(ref inUse);
        if (byClient.AddOrUpdate(client, 0, (_, n) => n - 1) <= 0)
        {
            byClient.TryRemove(new KeyValuePair<string, int>(client, 0));
        }
    }

    private sealed class Lease(StreamSlots slots, string client) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                slots.Leave(client);
            }
        }
    }
}
