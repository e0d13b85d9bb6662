using Npgsql;

namespace EnvGis.Ows.Wms.Map;

/// <summary>
/// The <c>data_version</c> of layers from the catalogue: a trigger bumps it on every change to a
/// layer's records, so it identifies the state of the data a map was drawn from.
/// </summary>
public sealed class DataVersions(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, long>> GetAsync(IEnumerable<string> layers, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, data_version FROM catalogue.layers WHERE name = ANY(@names)");
        command.Parameters.AddWithValue("names", layers.Distinct(StringComparer.Ordinal).ToArray());
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }
}
