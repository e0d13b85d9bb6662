using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// One load's transaction and what it touched: one or more files (each its own delivery), the stations
/// they deliver for and, per series, the range of hours they wrote. The steps of a load (store,
/// aggregates, AQI, exceedances, live values) run in it one after the other, each one set-based
/// statement over all the load's series (docs/monitoring.md "Ingestion").
/// </summary>
public sealed class LoadContext(NpgsqlConnection connection, NpgsqlTransaction transaction, MonitoringRules rules, MonitoringCatalogue catalogue,
    IReadOnlyList<Station> stations, IReadOnlyList<SeriesRange> ranges)
{
    public const string Zone = "Asia/Ho_Chi_Minh";

    /// <summary>
    /// The load's series ranges as a relation <c>r (station_id, parameter_id, first_hour, last_hour, first_day, last_day)</c>,
    /// the days being the Việt Nam days of the first hour and of the last 8-hour window ending 7 hours after the last hour.
    /// </summary>
    public const string RangesSql =
        """
        (SELECT u.station_id, u.parameter_id, u.first_hour, u.last_hour,
                (u.first_hour AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS first_day,
                ((u.last_hour + interval '7 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS last_day
         FROM unnest(@rangeStations, @rangeParameters, @rangeFirst, @rangeLast) AS u (station_id, parameter_id, first_hour, last_hour)) AS r
        """;

    public MonitoringRules Rules { get; } = rules;

    public MonitoringCatalogue Catalogue { get; } = catalogue;

    public IReadOnlyList<Station> Stations { get; } = stations;

    public IReadOnlyList<SeriesRange> Ranges { get; } = ranges;

    public long[] StationIds { get; } = stations.Select(s => s.Id).ToArray();

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The parameters of <see cref="RangesSql"/>.</summary>
    public (string, object)[] RangeParameters =>
    [
        ("rangeStations", Ranges.Select(r => r.StationId).ToArray()), ("rangeParameters", Ranges.Select(r => r.ParameterId).ToArray()),
        ("rangeFirst", Ranges.Select(r => r.FirstHour).ToArray()), ("rangeLast", Ranges.Select(r => r.LastHour).ToArray()),
    ];

    /// <summary>The rule parameters every aggregate statement uses.</summary>
    public (string, object)[] RuleParameters =>
    [
        ("hourCoverage", (float)Rules.HourMinCoverage), ("eightHours", (short)Rules.EightHourMinHours), ("dayHours", (short)Rules.DayMinHours),
    ];
}
