using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// One load's transaction and what it touched: the steps of a load (store, aggregates, AQI, exceedances,
/// live values) run in it one after the other and see each other's temporary tables
/// (<c>staging</c>, <c>touched_hours</c>), dropped at commit.
/// </summary>
public sealed class LoadContext(NpgsqlConnection connection, NpgsqlTransaction transaction, MonitoringRules rules, long deliveryId,
    IReadOnlyList<Station> stations)
{
    public const string Zone = "Asia/Ho_Chi_Minh";

    public MonitoringRules Rules { get; } = rules;

    public long DeliveryId { get; } = deliveryId;

    public IReadOnlyList<Station> Stations { get; } = stations;

    public long[] StationIds { get; } = stations.Select(s => s.Id).ToArray();

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlCommand Command(string sql) => new(sql, Connection, transaction);

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rule parameters every aggregate statement uses.</summary>
    public (string, object)[] RuleParameters =>
    [
        ("hourCoverage", (float)Rules.HourMinCoverage), ("eightHours", (short)Rules.EightHourMinHours), ("dayHours", (short)Rules.DayMinHours),
    ];
}
