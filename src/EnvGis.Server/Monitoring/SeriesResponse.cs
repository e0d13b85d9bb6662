using EnvGis.Data.Monitoring;

namespace EnvGis.Server.Monitoring;

/// <summary>One parameter's values at the requested interval, with the limits that apply to the station.</summary>
public sealed record SeriesResponse(
    string Parameter,
    string NameVi,
    string NameEn,
    string Unit,
    IReadOnlyList<SeriesLimit> Limits,
    IReadOnlyList<SeriesPoint> Values);
