namespace EnvGis.Server.Monitoring;

/// <summary>
/// A station in <c>GET /api/monitoring/stations</c>: identity and place, latest hourly VN_AQI (air), latest
/// values, when it last delivered, and whether it is silent (an automatic station with no delivery
/// within the silence time, or none ever).
/// </summary>
public sealed record StationResponse(
    string Code,
    string Name,
    string StationType,
    bool Automatic,
    double Longitude,
    double Latitude,
    int? Aqi,
    string? AqiBand,
    string? AqiDominant,
    DateTime? AqiAt,
    DateTime? MeasuredAt,
    DateTime? LastReceivedAt,
    bool Silent,
    IReadOnlyList<LatestValueResponse> Latest);
