using EnvGis.Core.Security;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// The stations a caller may see, read through <see cref="Visibility"/> like every layer read: a
/// restricted or unpublished station and its data never reach callers who may not see its record.
/// </summary>
public sealed class MonitoringStationStore(NpgsqlDataSource dataSource)
{
    public const string Layer = "monitoring_stations";

    /// <summary>Every live station the scope may see, by code.</summary>
    public Task<IReadOnlyList<StationSummary>> ListAsync(ReadScope scope, CancellationToken ct) => QueryAsync(scope, null, ct);

    /// <summary>One station by code, if the scope may see it.</summary>
    public async Task<StationSummary?> FindAsync(ReadScope scope, string code, CancellationToken ct) =>
        (await QueryAsync(scope, code, ct)) is [var one] ? one : null;

    /// <summary>The latest reading of every series of the stations <c>@stations</c> (public for the benchmark's EXPLAIN).</summary>
    public const string LatestSql =
        """
        SELECT s.station_id, p.code, p.unit, s.last_at, s.last_value, s.last_status
        FROM monitoring.series AS s JOIN monitoring.parameters AS p ON p.id = s.parameter_id
        WHERE s.station_id = ANY(@stations) ORDER BY s.station_id, p.id
        """;

    /// <summary>The latest reading of every series of the given stations.</summary>
    public async Task<IReadOnlyList<LatestValue>> LatestAsync(long[] stations, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(LatestSql);
        command.Parameters.AddWithValue("stations", stations);
        var list = new List<LatestValue>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new LatestValue(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3), reader.GetDouble(4),
                reader.GetInt16(5)));
        }

        return list;
    }

    /// <summary>The visible live stations (one by <c>@code</c> when <paramref name="byCode"/>); public for the benchmark's EXPLAIN.</summary>
    public static string ListSql(ReadScope scope, bool byCode) =>
        $"""
        SELECT r.id, r.code, r.name, r.station_type, r.owner_unit, r.automatic, r.status, ST_X(r.geom), ST_Y(r.geom),
               r.aqi, r.aqi_band, r.aqi_dominant, r.aqi_at, r.measured_at, t.last_received_at
        FROM {SqlIdentifier.LayerTable(Layer)} AS r
        LEFT JOIN monitoring.station_state AS t ON t.station_id = r.id
        WHERE r.status <> 'archived' AND {Visibility.Predicate(scope, "r")} {(byCode ? "AND r.code = @code" : "")}
        ORDER BY r.code
        """;

    private async Task<IReadOnlyList<StationSummary>> QueryAsync(ReadScope scope, string? code, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ListSql(scope, code is not null));
        Visibility.AddParameters(scope, command.Parameters);
        if (code is not null)
        {
            command.Parameters.AddWithValue("code", code);
        }

        var list = new List<StationSummary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            DateTime? Time(int i) => reader.IsDBNull(i) ? null : reader.GetDateTime(i);
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            list.Add(new StationSummary(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetBoolean(5), reader.GetString(6), reader.GetDouble(7), reader.GetDouble(8), reader.IsDBNull(9) ? null : reader.GetInt32(9),
                Text(10), Text(11), Time(12), Time(13), Time(14)));
        }

        return list;
    }
}
