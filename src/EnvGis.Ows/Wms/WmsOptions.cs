using EnvGis.Core.Styling;

namespace EnvGis.Ows.Wms;

/// <summary>What the WMS gets from the host (the layer styles) and its limits.</summary>
public sealed class WmsOptions
{
    /// <summary>The style of a layer by name (the server's StyleLibrary), or null for the default look.</summary>
    public required Func<string, LayerStyle?> FindStyle { get; init; }

    /// <summary>Largest WIDTH accepted (advertised as MaxWidth).</summary>
    public int MaxWidth { get; init; } = 4096;

    /// <summary>Largest HEIGHT accepted (advertised as MaxHeight).</summary>
    public int MaxHeight { get; init; } = 4096;

    /// <summary>Largest WIDTH × HEIGHT of one map (8 megapixels, 32 MB of RGBA): 4096 × 4096 is refused, 4096 × 2048 is not.</summary>
    public long MaxPixels { get; init; } = 8L * 1024 * 1024;

    /// <summary>Most layers in one GetMap (advertised as LayerLimit).</summary>
    public int MaxLayers { get; init; } = 50;

    /// <summary>Maps drawn at the same time; further GetMap requests wait, so memory stays bounded (an 8 Mpx map takes 32 MB).</summary>
    public int MaxConcurrentRenders { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Default search radius of GetFeatureInfo around the clicked pixel.</summary>
    public int FeatureInfoTolerance { get; init; } = 5;

    /// <summary>The most features GetFeatureInfo returns per layer, whatever FEATURE_COUNT says.</summary>
    public int MaxFeatureCount { get; init; } = 50;
}
