namespace EnvGis.Data.Statistics;

/// <summary>
/// One group's figures: records, their total area in hectares (polygons) and length in kilometres
/// (lines), measured on the WGS 84 spheroid; <see cref="Added"/> (month groups) the records recorded in
/// that month. <see cref="Layers"/> (project groups) the records per layer.
/// </summary>
public sealed record StatisticsRow(string Key, long Count, double AreaHa, double LengthKm)
{
    public long? Added { get; init; }

    public IReadOnlyDictionary<string, long>? Layers { get; init; }

    public long? Attachments { get; init; }
}
