using EnvGis.Core.Catalogue;
using EnvGis.Data.Catalogue;
using EnvGis.Data.Changes;
using Npgsql;

namespace EnvGis.Server.Hosting;

/// <summary>The catalogue in use (reloaded when it changes, on every node) and its run-time editor (docs/catalogue.md).</summary>
public static class CatalogueServices
{
    public static IServiceCollection AddEnvGisCatalogue(this IServiceCollection services, LayerCatalogue initial)
    {
        services.AddSingleton(sp => new CatalogueProvider(initial, sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<ILogger<CatalogueProvider>>()));
        services.AddSingleton<ILayerChangeListener>(sp => sp.GetRequiredService<CatalogueProvider>());
        services.AddSingleton(sp => new CatalogueEditor(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
