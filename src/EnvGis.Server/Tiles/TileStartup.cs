using EnvGis.Data.Changes;
using EnvGis.Data.Tiles;
using EnvGis.Data.Tiles.Cache;

namespace EnvGis.Server.Tiles;

/// <summary>
/// Before the first request: every layer table has its tile triggers (a layer added without them gets
/// them now) and the tile settings are read. Then, in the background, the tiles kept on disk by the
/// last run are checked against the change log (until then they are not served).
/// </summary>
public sealed class TileStartup(ChangeLogStore log, TileSettingsStore settings, TileCache cache, ILogger<TileStartup> logger)
    : IHostedService
{
    private Task? verifying;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var tracked = await log.TrackAllAsync(cancellationToken);
        if (tracked > 0)
        {
            logger.LogInformation("Gave {Count} layer tables their tile triggers", tracked);
        }

        await settings.LoadAsync(cancellationToken);
        if (cache.Disk is { } disk)
        {
            var databaseId = await log.DatabaseIdAsync(cancellationToken);
            verifying = Task.Run(() => disk.VerifyAsync(databaseId, log, CancellationToken.None), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (verifying is not null)
        {
            await verifying.WaitAsync(cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
