namespace EnvGis.Ows.OgcApi.Common;

/// <summary>The limits of the OGC API (docs/ogcapi.md).</summary>
public sealed class OgcApiOptions
{
    /// <summary>Items per page when the request gives no <c>limit</c>.</summary>
    public int DefaultLimit { get; init; } = 10;

    /// <summary>The largest <c>limit</c> accepted (as many as one WFS GetFeature may return); more is a 400.</summary>
    public int MaxLimit { get; init; } = 100_000;

    /// <summary>The largest request body of a Part 4 write (one GeoJSON feature).</summary>
    public int MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How long anonymous readers' caches may keep a response.</summary>
    public TimeSpan PublicMaxAge { get; init; } = TimeSpan.FromSeconds(60);
}
