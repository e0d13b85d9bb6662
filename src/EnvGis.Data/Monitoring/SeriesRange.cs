namespace EnvGis.Data.Monitoring;

/// <summary>
/// The hours of one series (station, parameter) a load wrote readings in: from the hour of its earliest
/// reading to the hour of its latest (UTC instants; Việt Nam hours start on UTC hours). Everything derived
/// (hourly, 8-hour and daily means, VN_AQI, exceedances) is recomputed over these ranges.
/// </summary>
public readonly record struct SeriesRange(long StationId, short ParameterId, DateTime FirstHour, DateTime LastHour);
