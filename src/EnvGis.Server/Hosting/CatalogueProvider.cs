using EnvGis.Core.Catalogue;
using EnvGis.Data.Catalogue;
using EnvGis.Data.Changes;
using Npgsql;

namespace EnvGis.Server.Hosting;

/// <summary>
/// The current layer catalogue (docs/catalogue.md). A request reads <see cref="Current"/> once and
/// works with that snapshot; a reload builds a whole new catalogue and swaps it in atomically, never
/// going back to an older version. Caches built from a layer's definition are keyed by the definition
/// object, so a new one starts fresh. Every node reloads when the change log carries a catalogue entry
/// (<see cref="CatalogueEditor.Reason"/>); the node that made the change reloads before it answers.
/// </summary>
public sealed class CatalogueProvider(LayerCatalogue initial, NpgsqlDataSource primary, ILogger<CatalogueProvider> logger) : ILayerChangeListener
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private readonly CatalogueStore store = new(primary);
    private LayerCatalogue current = initial;

    public LayerCatalogue Current => Volatile.Read(ref current);

    /// <summary>Reads the catalogue again and swaps it in when it is newer than the one in use.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await reloading.WaitAsync(ct);
        try
        {
            var loaded = await store.LoadAsync(ct);
            if (loaded.Version > Current.Version)
            {
                Volatile.Write(ref current, loaded);
                logger.LogInformation("Catalogue version {Version} in use ({Layers} layers)", loaded.Version, loaded.Layers.Count);
            }
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <summary>
    /// A catalogue entry of the change log: the catalogue is read again before the feed goes on, so the
    /// listeners after this one (the tile cache) and the requests after it see the new catalogue.
    /// </summary>
    public void OnChange(LayerChange change)
    {
        if (change.Reason != CatalogueEditor.Reason)
        {
            return;
        }

        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            ReloadAsync(deadline.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("The catalogue could not be read again ({Message}); the next catalogue change retries", e.Message);
        }
    }
}
