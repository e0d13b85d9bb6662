using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>Stored VN_AQI values of a station, and the bands with their advice (which the administrator may reword).</summary>
public sealed class AqiStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<AqiPoint>> ListAsync(long station, bool daily, DateTime from, DateTime to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(daily
            ? """
              SELECT day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', aqi, band, dominant, sub_indices::text FROM monitoring.aqi_daily
              WHERE station_id = @s AND day >= (@from AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AND day < (@to AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
              ORDER BY day
              """
            : """
              SELECT hour, aqi, band, dominant, sub_indices::text FROM monitoring.aqi_hourly
              WHERE station_id = @s AND hour >= @from AND hour < @to ORDER BY hour
              """);
        command.Parameters.AddWithValue("s", station);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var list = new List<AqiPoint>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new AqiPoint(reader.GetDateTime(0), reader.GetInt16(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return list;
    }

    public async Task<IReadOnlyList<AqiBand>> BandsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT band, low, high, colour, name_vi, name_en, meaning_vi, meaning_en, advice_general_vi, advice_general_en,
                   advice_sensitive_vi, advice_sensitive_en, source
            FROM monitoring.aqi_bands ORDER BY low
            """);
        var list = new List<AqiBand>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new AqiBand(reader.GetString(0), reader.GetInt16(1), reader.GetInt16(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
                reader.GetString(11), reader.GetString(12)));
        }

        return list;
    }

    /// <summary>Rewords a band's names, meaning, advice and source; the range and colour are the Decision's and stay. False when there is no such band.</summary>
    public async Task<bool> RewordAsync(AqiBand band, string actor, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE monitoring.aqi_bands SET name_vi = @nameVi, name_en = @nameEn, meaning_vi = @meaningVi, meaning_en = @meaningEn,
                advice_general_vi = @generalVi, advice_general_en = @generalEn, advice_sensitive_vi = @sensitiveVi,
                advice_sensitive_en = @sensitiveEn, source = @source, updated_at = now(), updated_by = @actor
            WHERE band = @band
            """);
        command.Parameters.AddWithValue("band", band.Band);
        command.Parameters.AddWithValue("nameVi", band.NameVi);
        command.Parameters.AddWithValue("nameEn", band.NameEn);
        command.Parameters.AddWithValue("meaningVi", band.MeaningVi);
        command.Parameters.AddWithValue("meaningEn", band.MeaningEn);
        command.Parameters.AddWithValue("generalVi", band.AdviceGeneralVi);
        command.Parameters.AddWithValue("generalEn", band.AdviceGeneralEn);
        command.Parameters.AddWithValue("sensitiveVi", band.AdviceSensitiveVi);
        command.Parameters.AddWithValue("sensitiveEn", band.AdviceSensitiveEn);
        command.Parameters.AddWithValue("source", band.Source);
        command.Parameters.AddWithValue("actor", actor);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }
}
