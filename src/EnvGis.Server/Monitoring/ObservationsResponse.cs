namespace EnvGis.Server.Monitoring;

/// <summary>
/// <c>GET /api/monitoring/stations/{code}/observations</c>: the series of the station over [from, to) at the
/// interval. Continuous monitoring data are provisional: not validated (docs/monitoring.md).
/// </summary>
public sealed record ObservationsResponse(
    string Station,
    string Interval,
    DateTime From,
    DateTime To,
    bool Provisional,
    IReadOnlyList<SeriesResponse> Series);
