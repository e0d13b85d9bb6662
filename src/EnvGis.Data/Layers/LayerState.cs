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
public sealed class LayerState(LayerVersions versions, ChangeLogStore log, ChangeFeed feed, FeatureStore features)
{
    private readonly ConcurrentDictionary<(string Layer, string Visibility), (string Version, double[]? Extent)> extents = new();

    /// <summary>
    /// The version as this node knows it: what the hot tile path uses, without a query. A write through
    /// another channel reaches it by the database's notification, within milliseconds.
    /// </summary>
    public string Version(LayerDefinition layer, ReadScope scope) => versions.Token(layer.Name, scope);

    /// <summary>
    /// The versions as the database has them now (one small query): when the primary is ahead of this
    /// node, the node catches up first, so an answer labelled with a version (a map's ETag, TileJSON's
    /// URLs) is never older than the data. For answers that are not on the hot path.
    /// </summary>
    public async Task<IReadOnlyList<string>> CurrentVersionsAsync(IReadOnlyList<LayerDefinition> layers, ReadScope scope, CancellationToken ct)
    {
        if (feed.Healthy)
        {
            var names = layers.Select(l => l.Name).Append(LayerVersions.AreaLayer).ToList();
            var current = await log.ReadSeqsAsync(names, ct);
            if (current.Any(c => c.Value > versions.Seq(c.Key)))
            {
                await feed.CatchUpAsync(ct);
            }
        }

        return layers.Select(l => Version(l, scope)).ToList();
    }

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
}
