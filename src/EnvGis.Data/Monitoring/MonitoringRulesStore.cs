using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>Reads and changes the one row of monitoring.rules (kept in memory like the catalogue: <see cref="MonitoringCatalogueStore.CacheFor"/>).</summary>
public sealed class MonitoringRulesStore(NpgsqlDataSource dataSource)
{
    private volatile Tuple<MonitoringRules, DateTime>? cached;

    public async Task<MonitoringRules> GetAsync(CancellationToken ct)
    {
        if (cached is { } hit && DateTime.UtcNow - hit.Item2 < MonitoringCatalogueStore.CacheFor)
        {
            return hit.Item1;
        }

        var rules = await ReadAsync(ct);
        cached = Tuple.Create(rules, DateTime.UtcNow);
        return rules;
    }

    private async Task<MonitoringRules> ReadAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT hour_min_coverage, eight_hour_min_hours, day_min_hours, max_age_days, max_future_minutes, silence_minutes FROM monitoring.rules");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new MonitoringRules(reader.GetFloat(0), reader.GetInt16(1), reader.GetInt16(2), reader.GetInt16(3), reader.GetInt16(4), reader.GetInt32(5));
    }

    /// <summary>Saves the rules; the database's checks refuse values out of range (returned as the message).</summary>
    public async Task<string?> SetAsync(MonitoringRules rules, string actor, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE monitoring.rules SET hour_min_coverage = @cov, eight_hour_min_hours = @eight, day_min_hours = @day,
                max_age_days = @age, max_future_minutes = @future, silence_minutes = @silence, updated_at = now(), updated_by = @actor
            """);
        command.Parameters.AddWithValue("cov", (float)rules.HourMinCoverage);
        command.Parameters.AddWithValue("eight", (short)Math.Clamp(rules.EightHourMinHours, short.MinValue, short.MaxValue));
        command.Parameters.AddWithValue("day", (short)Math.Clamp(rules.DayMinHours, short.MinValue, short.MaxValue));
        command.Parameters.AddWithValue("age", (short)Math.Clamp(rules.MaxAgeDays, short.MinValue, short.MaxValue));
        command.Parameters.AddWithValue("future", (short)Math.Clamp(rules.MaxFutureMinutes, short.MinValue, short.MaxValue));
        command.Parameters.AddWithValue("silence", rules.SilenceMinutes);
        command.Parameters.AddWithValue("actor", actor);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
            cached = null;
            return null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            return $"A rule is out of range ({e.ConstraintName}).";
        }
    }
}
