using System.Collections.Concurrent;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Changes;
using EnvGis.Data.Features;

namespace EnvGis.Data.Layers;

/// <summary>
/// The one place that says what version of a layer a caller can see and what its extent is: for tiles
/// (cache stamps, versioned URLs), TileJSON, WMS (ETags, capabilities) and WFS capabilities. The
/// version moves only with changes the caller could see (docs/tiles.md "Versions"); the extent is read
/// once per version and visibility.
/// </summary>
public sealed class LayerState(LayerVersions versions, FeatureStore features, ChangeFeedState feed) : ILayerChangeListener
{
    private readonly ConcurrentDictionary<(string Layer, string Visibility), (string Version, double[]? Extent)> extents = new();

    /// <summary>A short token of the layer's version as the caller sees it, the same on every node.</summary>
    public string Version(LayerDefinition layer, ReadScope scope) => versions.Token(layer.Name, scope);

    /// <summary>The lon/lat extent (minx, miny, maxx, maxy) of the records the caller may see, or null when there are none.</summary>
    public async Task<double[]?> ExtentAsync(LayerDefinition layer, ReadScope scope, CancellationToken ct)
    {
        var version = Version(layer, scope);
        var key = (layer.Name, VisibilityKey.Of(scope));
        if (feed.Healthy && extents.TryGetValue(key, out var known) && known.Version == version)
        {
            return known.Extent;
        }

        var extent = await features.GetExtentAsync(layer, scope, ct);
        if (feed.Healthy)
        {
            extents[key] = (version, extent);
        }

        return extent;
    }

    public void OnChange(LayerChange change)
    {
        if (change.WholeLayer)
        {
            foreach (var key in extents.Keys.Where(k => k.Layer == change.Layer))
            {
                extents.TryRemove(key, out _);
            }
        }
    }
}
