namespace EnvGis.Data.Statistics;

/// <summary>
/// One group's figures: records, their total area in square metres (polygons) and length in metres
/// (lines), measured on the WGS 84 spheroid, also in hectares and kilometres; <see cref="Added"/>
/// (month groups) the records recorded in that month. <see cref="Layers"/> (project groups) the
/// records per layer.
/// </summary>
public sealed record StatisticsRow(string Key, long Count, double AreaM2, double LengthM)
{
    public double AreaHa => AreaM2 / 10_000;

    public double LengthKm => LengthM / 1_000;

    public long? Added { get; init; }

    public IReadOnlyDictionary<string, long>? Layers { get; init; }

    public long? Attachments { get; init; }
}
