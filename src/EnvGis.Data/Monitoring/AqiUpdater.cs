using System.Text.Json;
using EnvGis.Core.Monitoring;
using NpgsqlTypes;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Recomputes the VN_AQI of the hours and days a load touched at its air stations (docs/monitoring.md
/// "VN_AQI"): an hour's AQI depends on the 11 hours before it (NowCast), so the hours after a touched one
/// are recomputed too, up to the latest hour with data. Hours and days without an AQI lose their row.
/// All the load's air stations are read in one query per aggregate and written in one upsert and one
/// delete per table.
/// </summary>
public static class AqiUpdater
{
    public const string AirStation = "air";

    public static async Task UpdateAsync(LoadContext load, CancellationToken ct)
    {
        var air = load.Stations.Where(s => s.StationType == AirStation).Select(s => s.Id).ToHashSet();
        var hours = load.Ranges
            .Where(r => air.Contains(r.StationId) && load.Catalogue.ById.TryGetValue(r.ParameterId, out var p) && p.AqiPollutant is not null)
            .GroupBy(r => r.StationId)
            .Select(g => (Station: g.Key, From: g.Min(r => r.FirstHour), To: g.Max(r => r.LastHour)))
            .ToList();
        var days = load.Ranges.Where(r => air.Contains(r.StationId)).GroupBy(r => r.StationId)
            .Select(g => (Station: g.Key, From: VietnamDay(g.Min(r => r.FirstHour)), To: VietnamDay(g.Max(r => r.LastHour).AddHours(7))))
            .ToList();
        await HourlyAsync(load, hours, ct);
        await DailyAsync(load, days, ct);
    }

    private static DateOnly VietnamDay(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(7));

    private static async Task HourlyAsync(LoadContext load, List<(long Station, DateTime From, DateTime To)> stations, CancellationToken ct)
    {
        if (stations.Count == 0)
        {
            return;
        }

        var means = new Dictionary<(long Station, DateTime Hour, string Pollutant), double>();
        var latest = new Dictionary<long, DateTime>();
        await using (var command = load.Command(
            """
            SELECT u.station_id, h.hour, p.aqi_pollutant, h.mean
            FROM unnest(@stations, @froms, @tos) AS u (station_id, from_hour, to_hour)
            CROSS JOIN monitoring.parameters AS p
            JOIN monitoring.hourly AS h
              ON h.station_id = u.station_id AND h.parameter_id = p.id
             AND h.hour BETWEEN u.from_hour - interval '11 hours' AND u.to_hour + interval '11 hours'
            WHERE p.aqi_pollutant IS NOT NULL AND h.mean IS NOT NULL AND h.coverage >= @coverage
            """))
        {
            command.Parameters.AddWithValue("stations", stations.Select(s => s.Station).ToArray());
            command.Parameters.AddWithValue("froms", stations.Select(s => s.From).ToArray());
            command.Parameters.AddWithValue("tos", stations.Select(s => s.To).ToArray());
            command.Parameters.AddWithValue("coverage", (float)load.Rules.HourMinCoverage);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (station, hour) = (reader.GetInt64(0), reader.GetDateTime(1));
                means[(station, hour, reader.GetString(2))] = reader.GetDouble(3);
                latest[station] = latest.TryGetValue(station, out var l) && l > hour ? l : hour;
            }
        }

        var periods = new List<(long Station, DateTime Hour)>();
        var results = new List<AqiResult?>();
        foreach (var (station, from, to) in stations)
        {
            var end = latest.TryGetValue(station, out var l) && l > to ? l : to;
            for (var hour = from; hour <= end; hour = hour.AddHours(1))
            {
                double? At(string pollutant, DateTime h) => means.TryGetValue((station, h, pollutant), out var v) ? v : null;
                List<double?> Last12(string pollutant) => Enumerable.Range(0, 12).Select(i => At(pollutant, hour.AddHours(-i))).ToList();
                periods.Add((station, hour));
                results.Add(VnAqi.Hourly(new HourlyAqiInput(Last12(AqiPollutants.Pm25), Last12(AqiPollutants.Pm10),
                    At(AqiPollutants.O3, hour), At(AqiPollutants.Co, hour), At(AqiPollutants.So2, hour), At(AqiPollutants.No2, hour))));
            }
        }

        await SaveAsync(load, "aqi_hourly", "hour", NpgsqlDbType.TimestampTz, periods, results, ct);
    }

    private static async Task DailyAsync(LoadContext load, List<(long Station, DateOnly From, DateOnly To)> stations, CancellationToken ct)
    {
        if (stations.Count == 0)
        {
            return;
        }

        var days = new Dictionary<(long Station, DateOnly Day), Dictionary<string, (double? Mean, double? Max, double? Max8h, int Hours)>>();
        await using (var command = load.Command(
            """
            SELECT u.station_id, d.day, p.aqi_pollutant, d.mean, d.max, d.max_8h, d.hours_valid
            FROM unnest(@stations, @froms, @tos) AS u (station_id, from_day, to_day)
            CROSS JOIN monitoring.parameters AS p
            JOIN monitoring.daily AS d ON d.station_id = u.station_id AND d.parameter_id = p.id AND d.day BETWEEN u.from_day AND u.to_day
            WHERE p.aqi_pollutant IS NOT NULL
            """))
        {
            command.Parameters.AddWithValue("stations", stations.Select(s => s.Station).ToArray());
            command.Parameters.AddWithValue("froms", stations.Select(s => s.From).ToArray());
            command.Parameters.AddWithValue("tos", stations.Select(s => s.To).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = (reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1));
                if (!days.TryGetValue(key, out var values))
                {
                    days[key] = values = [];
                }

                double? Value(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
                values[reader.GetString(2)] = (Value(3), Value(4), Value(5), reader.GetInt16(6));
            }
        }

        // Touched days with no AQI pollutant data keep whatever they had (nothing to recompute from).
        var rules = load.Rules;
        var keys = days.Keys.OrderBy(k => k.Station).ThenBy(k => k.Day).ToList();
        var results = keys.Select(key =>
        {
            var v = days[key];
            double? Mean(string p) => v.TryGetValue(p, out var x) && x.Hours >= rules.DayMinHours ? x.Mean : null;
            double? Max(string p) => v.TryGetValue(p, out var x) ? x.Max : null;
            return VnAqi.Daily(new DailyAqiInput(Mean(AqiPollutants.Pm25), Mean(AqiPollutants.Pm10), Max(AqiPollutants.O3),
                v.TryGetValue(AqiPollutants.O3, out var o3) ? o3.Max8h : null,
                Max(AqiPollutants.Co), Max(AqiPollutants.So2), Max(AqiPollutants.No2)));
        }).ToList();
        await SaveAsync(load, "aqi_daily", "day", NpgsqlDbType.Date, keys, results, ct);
    }

    /// <summary>Upserts the periods with an AQI and deletes those without, in two statements for all stations.</summary>
    private static async Task SaveAsync<T>(LoadContext load, string table, string key, NpgsqlDbType keyType,
        List<(long Station, T Period)> periods, List<AqiResult?> results, CancellationToken ct)
    {
        if (periods.Count == 0)
        {
            return;
        }

        var with = Enumerable.Range(0, periods.Count).Where(i => results[i] is not null).ToList();
        await using (var upsert = load.Command(
            $"""
            INSERT INTO monitoring.{table} (station_id, {key}, aqi, band, dominant, sub_indices)
            SELECT u.station, u.k, u.aqi, u.band, u.dominant, u.sub::jsonb
            FROM unnest(@stations, @keys, @aqi, @band, @dominant, @sub) AS u (station, k, aqi, band, dominant, sub)
            ON CONFLICT (station_id, {key}) DO UPDATE SET
                aqi = excluded.aqi, band = excluded.band, dominant = excluded.dominant, sub_indices = excluded.sub_indices
            """))
        {
            upsert.Parameters.AddWithValue("stations", with.Select(i => periods[i].Station).ToArray());
            upsert.Parameters.Add(new("keys", NpgsqlDbType.Array | keyType) { Value = with.Select(i => periods[i].Period).ToArray() });
            upsert.Parameters.AddWithValue("aqi", with.Select(i => (short)results[i]!.Aqi).ToArray());
            upsert.Parameters.AddWithValue("band", with.Select(i => results[i]!.Band).ToArray());
            upsert.Parameters.AddWithValue("dominant", with.Select(i => results[i]!.Dominant).ToArray());
            upsert.Parameters.AddWithValue("sub", with.Select(i => JsonSerializer.Serialize(results[i]!.SubIndices)).ToArray());
            await upsert.ExecuteNonQueryAsync(ct);
        }

        var without = Enumerable.Range(0, periods.Count).Where(i => results[i] is null).ToList();
        if (without.Count > 0)
        {
            await using var delete = load.Command(
                $"""
                DELETE FROM monitoring.{table} AS t USING unnest(@stations, @keys) AS u (station, k)
                WHERE t.station_id = u.station AND t.{key} = u.k
                """);
            delete.Parameters.AddWithValue("stations", without.Select(i => periods[i].Station).ToArray());
            delete.Parameters.Add(new("keys", NpgsqlDbType.Array | keyType) { Value = without.Select(i => periods[i].Period).ToArray() });
            await delete.ExecuteNonQueryAsync(ct);
        }
    }
}
