using EnvGis.Data.Changes;
using EnvGis.Data.Tiles;
using EnvGis.Data.Tiles.Cache;
using EnvGis.Server.Hosting;

namespace EnvGis.Server.Tiles;

/// <summary>Generalised vector tiles, the tile cache (memory and disk) and the tile URLs.</summary>
public static class TileServices
{
    public static IServiceCollection AddEnvGisTiles(this IServiceCollection services, EnvGisSettings settings)
    {
        services.AddSingleton<TileSettingsStore>();
        services.AddSingleton<ILayerChangeListener>(sp => sp.GetRequiredService<TileSettingsStore>());
        services.AddSingleton<TileStore>();
        services.AddSingleton(new MemoryTileCache(settings.TileCacheMemoryBytes));
        services.AddSingleton(sp => new TileCache(
            sp.GetRequiredService<MemoryTileCache>(),
            settings.TileCacheDiskBytes > 0 && settings.TileCacheDirectory is { } folder
                ? new DiskTileCache(folder, settings.TileCacheDiskBytes, sp.GetRequiredService<LayerVersions>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger<DiskTileCache>())
                : null,
            sp.GetRequiredService<LayerVersions>(),
            sp.GetRequiredService<ChangeFeedState>()));
        services.AddSingleton<ILayerChangeListener>(sp => sp.GetRequiredService<TileCache>());
        services.AddSingleton<CachedTileStore>();
        services.AddSingleton<TileUrls>();
        services.AddHostedService<TileStartup>();
        return services;
    }
}
