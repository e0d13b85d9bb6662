namespace EnvGis.Data.Monitoring;

/// <summary>
/// Keeps the live columns of the station records (docs/monitoring.md "Live values on the map"): latest
/// hourly AQI, band, dominant pollutant and hour, the latest reading's time and a summary of the latest
/// values, and the silence flag. These are measured attributes: the history trigger leaves such updates
/// out and the record's version stays; the layer's data_version moves so map caches see the change.
/// Rows whose values did not change are not updated.
/// </summary>
public static class StationLiveValues
{
    public static Task UpdateAsync(LoadContext load, CancellationToken ct) => load.ExecuteAsync(
        $"""
        UPDATE data.monitoring_stations AS r
        SET aqi = a.aqi, aqi_band = a.band, aqi_dominant = a.dominant, aqi_at = a.hour,
            measured_at = v.last_at, latest_values = v.summary, silent = false
        FROM unnest(@stations) AS u (id)
        LEFT JOIN LATERAL (SELECT q.aqi, q.band, q.dominant, q.hour FROM monitoring.aqi_hourly AS q
                           WHERE q.station_id = u.id ORDER BY q.hour DESC LIMIT 1) AS a ON true
        LEFT JOIN LATERAL ({SummarySql("u.id")}) AS v ON true
        WHERE r.id = u.id
          AND (r.aqi, r.aqi_band, r.aqi_dominant, r.aqi_at, r.measured_at, r.latest_values, r.silent)
              IS DISTINCT FROM (a.aqi::integer, a.band, a.dominant, a.hour, v.last_at, v.summary, false)
        """, ct, ("stations", load.StationIds));

    /// <summary>
    /// The latest reading's time and "PM2.5 35.2 µg/m³; PM10 60.1 µg/m³ …" over the series that reported
    /// within an hour of it (calibrating and fault readings are marked).
    /// </summary>
    public static string SummarySql(string station) =>
        $"""
        SELECT max(s.last_at) AS last_at,
               string_agg(p.code || ' ' || round(s.last_value::numeric, p.decimals)::text
                          || CASE WHEN p.unit <> '' THEN ' ' || p.unit ELSE '' END
                          || CASE s.last_status WHEN 1 THEN ' (hiệu chuẩn/calibrating)' WHEN 2 THEN ' (lỗi/fault)' ELSE '' END,
                          '; ' ORDER BY p.id) AS summary
        FROM monitoring.series AS s JOIN monitoring.parameters AS p ON p.id = s.parameter_id
        WHERE s.station_id = {station}
          AND s.last_at > (SELECT max(z.last_at) FROM monitoring.series AS z WHERE z.station_id = {station}) - interval '1 hour'
        """;
}
