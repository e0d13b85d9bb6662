using System.Collections.Concurrent;
using EnvGis.Data.Changes;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnvGis.Data.Tiles;

/// <summary>Every layer's <see cref="TileSettings"/>, read at start and again when the change log says they changed.</summary>
public sealed class TileSettingsStore(NpgsqlDataSource primary, ILogger<TileSettingsStore> logger) : ILayerChangeListener
{
    private readonly ConcurrentDictionary<string, TileSettings> settings = new(StringComparer.Ordinal);

    public TileSettings Get(string layer) => settings.GetValueOrDefault(layer) ?? TileSettings.Default;

    public async Task LoadAsync(CancellationToken ct)
    {
        await using var command = primary.CreateCommand("""
            SELECT layer, min_zoom, max_zoom, merge_pixels, merge_max_zoom, cluster_pixels, cluster_max_zoom
            FROM tiles.settings
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            settings[reader.GetString(0)] = new TileSettings(reader.GetInt16(1), reader.GetInt16(2), reader.GetFloat(3),
                reader.GetInt16(4), reader.GetFloat(5), reader.GetInt16(6));
        }
    }

    public void OnChange(LayerChange change)
    {
        if (change.Reason is LayerChange.Settings or "catalogue")
        {
            _ = ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await LoadAsync(CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning("Tile settings could not be read again: {Message}", e.Message);
        }
    }
}
