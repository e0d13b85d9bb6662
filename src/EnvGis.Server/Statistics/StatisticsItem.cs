namespace EnvGis.Server.Statistics;

/// <summary>
/// One row of <c>GET /api/statistics</c>: the group's key and its names, the records, their area
/// (m² and ha, polygons) and length (m and km, lines), and for months the records added that month.
/// </summary>
public sealed record StatisticsItem(string Key, string LabelVi, string LabelEn, long Count, double AreaM2, double AreaHa, double LengthM,
    double LengthKm, long? Added, IReadOnlyDictionary<string, long>? Layers, long? Attachments);
