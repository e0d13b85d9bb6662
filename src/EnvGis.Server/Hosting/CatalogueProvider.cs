using EnvGis.Core.Catalogue;

namespace EnvGis.Server.Hosting;

/// <summary>
/// The layer catalogue loaded at start-up. It does not change while the server runs: SQL built from it
/// (tiles, WFS, WMS) is cached, so editing the catalogue needs a restart until reloading clears those too.
/// </summary>
public sealed class CatalogueProvider(LayerCatalogue current)
{
    public LayerCatalogue Current { get; } = current;
}
