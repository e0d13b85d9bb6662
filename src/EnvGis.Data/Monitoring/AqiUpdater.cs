using System.Text.Json;
using EnvGis.Core.Monitoring;
using NpgsqlTypes;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Recomputes the VN_AQI of an air station's hours and days a load touched (docs/monitoring.md "VN_AQI"):
/// an hour's AQI depends on the 11 hours before it (NowCast), so the hours after a touched one are
/// recomputed too, up to the latest hour with data. Hours and days without an AQI lose their row.
/// </summary>
public static class AqiUpdater
{
    public const string AirStation = "air";

    public static async Task UpdateAsync(LoadContext load, CancellationToken ct)
    {
        foreach (var station in load.Stations.Where(s => s.StationType == AirStation))
        {
            await HourlyAsync(load, station.Id, ct);
            await DailyAsync(load, station.Id, ct);
        }
    }

    private static async Task HourlyAsync(LoadContext load, long station, CancellationToken ct)
    {
        DateTime? first = null, last = null;
        await using (var command = load.Command(
            """
            SELECT min(t.hour), max(t.hour) FROM touched_hours AS t JOIN monitoring.parameters AS p ON p.id = t.parameter_id
            WHERE t.station_id = @station AND p.aqi_pollutant IS NOT NULL
            """))
        {
            command.Parameters.AddWithValue("station", station);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct) && !reader.IsDBNull(0))
            {
                first = reader.GetDateTime(0);
                last = reader.GetDateTime(1);
            }
        }

        if (first is not { } from || last is not { } to)
        {
            return;
        }

        var means = await HourlyMeansAsync(load, station, from.AddHours(-11), to.AddHours(11), ct);
        var end = means.Count == 0 ? to : means.Keys.Max(k => k.Hour);
        var hours = new List<DateTime>();
        var results = new List<AqiResult?>();
        for (var hour = from; hour <= end; hour = hour.AddHours(1))
        {
            double? At(string pollutant, DateTime h) => means.TryGetValue((h, pollutant), out var v) ? v : null;
            List<double?> Last12(string pollutant) => Enumerable.Range(0, 12).Select(i => At(pollutant, hour.AddHours(-i))).ToList();
            hours.Add(hour);
            results.Add(VnAqi.Hourly(new HourlyAqiInput(Last12(AqiPollutants.Pm25), Last12(AqiPollutants.Pm10),
                At(AqiPollutants.O3, hour), At(AqiPollutants.Co, hour), At(AqiPollutants.So2, hour), At(AqiPollutants.No2, hour))));
        }

        await SaveAsync(load, station, "aqi_hourly", "hour", NpgsqlDbType.TimestampTz, hours, results, ct);
    }

    private static async Task DailyAsync(LoadContext load, long station, CancellationToken ct)
    {
        var days = new Dictionary<DateOnly, Dictionary<string, (double? Mean, double? Max, double? Max8h, int Hours)>>();
        await using (var command = load.Command(
            """
            SELECT d.day, p.aqi_pollutant, d.mean, d.max, d.max_8h, d.hours_valid
            FROM monitoring.daily AS d JOIN monitoring.parameters AS p ON p.id = d.parameter_id
            WHERE d.station_id = @station AND p.aqi_pollutant IS NOT NULL
              AND d.day IN (SELECT t.day FROM touched_days AS t WHERE t.station_id = @station)
            """))
        {
            command.Parameters.AddWithValue("station", station);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var day = reader.GetFieldValue<DateOnly>(0);
                if (!days.TryGetValue(day, out var values))
                {
                    days[day] = values = [];
                }

                double? Value(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
                values[reader.GetString(1)] = (Value(2), Value(3), Value(4), reader.GetInt16(5));
            }
        }

        // Touched days with no AQI pollutant data keep whatever they had (nothing to recompute from).
        var rules = load.Rules;
        var keys = days.Keys.Order().ToList();
        var results = keys.Select(day =>
        {
            var v = days[day];
            double? Mean(string p) => v.TryGetValue(p, out var x) && x.Hours >= rules.DayMinHours ? x.Mean : null;
            double? Max(string p) => v.TryGetValue(p, out var x) ? x.Max : null;
            return VnAqi.Daily(new DailyAqiInput(Mean(AqiPollutants.Pm25), Mean(AqiPollutants.Pm10), Max(AqiPollutants.O3),
                v.TryGetValue(AqiPollutants.O3, out var o3) ? o3.Max8h : null,
                Max(AqiPollutants.Co), Max(AqiPollutants.So2), Max(AqiPollutants.No2)));
        }).ToList();
        await SaveAsync(load, station, "aqi_daily", "day", NpgsqlDbType.Date, keys, results, ct);
    }

    /// <summary>Valid hourly means (coverage met) of the AQI pollutants, by (hour, pollutant).</summary>
    private static async Task<Dictionary<(DateTime Hour, string Pollutant), double>> HourlyMeansAsync(LoadContext load, long station,
        DateTime from, DateTime to, CancellationToken ct)
    {
        var means = new Dictionary<(DateTime, string), double>();
        await using var command = load.Command(
            """
            SELECT h.hour, p.aqi_pollutant, h.mean
            FROM monitoring.hourly AS h JOIN monitoring.parameters AS p ON p.id = h.parameter_id
            WHERE h.station_id = @station AND p.aqi_pollutant IS NOT NULL AND h.hour BETWEEN @from AND @to
              AND h.mean IS NOT NULL AND h.coverage >= @coverage
            """);
        command.Parameters.AddWithValue("station", station);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("coverage", (float)load.Rules.HourMinCoverage);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            means[(reader.GetDateTime(0), reader.GetString(1))] = reader.GetDouble(2);
        }

        return means;
    }

    /// <summary>Upserts the periods with an AQI and deletes those without, in two statements.</summary>
    private static async Task SaveAsync<T>(LoadContext load, long station, string table, string key, NpgsqlDbType keyType,
        List<T> periods, List<AqiResult?> results, CancellationToken ct)
    {
        if (periods.Count == 0)
        {
            return;
        }

        var with = Enumerable.Range(0, periods.Count).Where(i => results[i] is not null).ToList();
        await using (var upsert = load.Command(
            $"""
            INSERT INTO monitoring.{table} (station_id, {key}, aqi, band, dominant, sub_indices)
            SELECT @station, u.k, u.aqi, u.band, u.dominant, u.sub::jsonb
            FROM unnest(@keys, @aqi, @band, @dominant, @sub) AS u (k, aqi, band, dominant, sub)
            ON CONFLICT (station_id, {key}) DO UPDATE SET
                aqi = excluded.aqi, band = excluded.band, dominant = excluded.dominant, sub_indices = excluded.sub_indices
            """))
        {
            upsert.Parameters.AddWithValue("station", station);
            upsert.Parameters.Add(new("keys", NpgsqlDbType.Array | keyType) { Value = with.Select(i => periods[i]).ToArray() });
            upsert.Parameters.AddWithValue("aqi", with.Select(i => (short)results[i]!.Aqi).ToArray());
            upsert.Parameters.AddWithValue("band", with.Select(i => results[i]!.Band).ToArray());
            upsert.Parameters.AddWithValue("dominant", with.Select(i => results[i]!.Dominant).ToArray());
            upsert.Parameters.AddWithValue("sub", with.Select(i => JsonSerializer.Serialize(results[i]!.SubIndices)).ToArray());
            await upsert.ExecuteNonQueryAsync(ct);
        }

        var without = Enumerable.Range(0, periods.Count).Where(i => results[i] is null).Select(i => periods[i]).ToArray();
        if (without.Length > 0)
        {
            await using var delete = load.Command($"DELETE FROM monitoring.{table} WHERE station_id = @station AND {key} = ANY(@keys)");
            delete.Parameters.AddWithValue("station", station);
            delete.Parameters.Add(new("keys", NpgsqlDbType.Array | keyType) { Value = without });
            await delete.ExecuteNonQueryAsync(ct);
        }
    }
}
