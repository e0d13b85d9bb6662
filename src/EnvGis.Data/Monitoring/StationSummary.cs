namespace EnvGis.Data.Monitoring;

/// <summary>A station as the monitoring API lists it: the record's identity and place, its live values, and when it last delivered.</summary>
public sealed record StationSummary(
    long Id,
    string Code,
    string Name,
    string StationType,
    string OwnerUnit,
    bool Automatic,
    string Status,
    double Longitude,
    double Latitude,
    int? Aqi,
    string? AqiBand,
    string? AqiDominant,
    DateTime? AqiAt,
    DateTime? MeasuredAt,
    DateTime? LastReceivedAt);
