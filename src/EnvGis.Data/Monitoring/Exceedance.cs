namespace EnvGis.Data.Monitoring;

/// <summary>
/// A recorded exceedance: station, parameter (canonical unit), averaging period and its bounds, the mean, the limit and its standard;
/// provisional for a yearly mean of a year not yet complete.
/// </summary>
public sealed record Exceedance(
    long Id,
    string Station,
    string StationName,
    string Parameter,
    string Unit,
    string Averaging,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    double Value,
    double? Low,
    double? High,
    string Standard,
    DateTime DetectedAt,
    bool Provisional);
