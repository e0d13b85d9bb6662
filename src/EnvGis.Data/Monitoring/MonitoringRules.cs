namespace EnvGis.Data.Monitoring;

/// <summary>
/// The tunable rules (docs/monitoring.md "Coverage and validity"): the share of readings an hourly mean
/// needs, the valid hours an 8-hour and a daily mean need, how old and how far ahead a reading may be,
/// and after how long without a delivery a station is silent.
/// </summary>
public sealed record MonitoringRules(
    double HourMinCoverage,
    int EightHourMinHours,
    int DayMinHours,
    int MaxAgeDays,
    int MaxFutureMinutes,
    int SilenceMinutes);
