using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using Microsoft.AspNetCore.Http;

namespace EnvGis.Ows.Dispatch;

/// <summary>What the OGC services get from the host, and their limits.</summary>
public sealed class OwsOptions
{
    /// <summary>The current layer catalogue (it may be reloaded while the server runs).</summary>
    public required Func<HttpContext, LayerCatalogue> Catalogue { get; init; }

    /// <summary>What the caller may read; every feature query takes it.</summary>
    public required Func<HttpContext, ReadScope> ReadScope { get; init; }

    /// <summary>What the caller may change through WFS-T; null when it may not edit (capabilities then advertise no Transaction).</summary>
    public Func<HttpContext, WriteScope?> WriteScope { get; init; } = _ => null;

    /// <summary>Largest XML or form body accepted (the server's own limit may be larger).</summary>
    public long MaxBodyBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Features returned when a WFS 2.0 request gives no COUNT (advertised as CountDefault).</summary>
    public int CountDefault { get; init; } = 1000;

    /// <summary>The most features one response may hold, whatever COUNT says.</summary>
    public int MaxCount { get; init; } = 100_000;

    /// <summary>Streamed feature responses at once, in all and per client address (see <see cref="StreamSlots"/>).</summary>
    public int MaxStreams { get; init; } = 32;

    public int MaxStreamsPerClient { get; init; } = 4;

    /// <summary>How long one OGC request may run.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
