namespace EnvGis.Data.Monitoring;

/// <summary>
/// One value of a series: its time (a reading's instant, or the start of the hour, 8-hour window or day),
/// the value (null when no valid reading), and what the interval adds: min/max, coverage, the counts of
/// calibrating and fault readings (raw: the reading's status).
/// </summary>
public sealed record SeriesPoint(
    DateTime Time,
    double? Value,
    double? Min,
    double? Max,
    double? Coverage,
    int Calibrating,
    int Fault,
    string? Status);
