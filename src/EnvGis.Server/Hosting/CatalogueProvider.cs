using EnvGis.Core.Catalogue;
using EnvGis.Data.Catalogue;

namespace EnvGis.Server.Hosting;

/// <summary>Holds the current layer catalogue; reloaded when an administrator changes it.</summary>
public sealed class CatalogueProvider(LayerCatalogue initial, CatalogueStore store)
{
    public LayerCatalogue Current { get; private set; } = initial;

    public async Task ReloadAsync(CancellationToken cancellationToken = default) =>
        Current = await store.LoadAsync(cancellationToken);
}
