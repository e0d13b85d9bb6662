namespace EnvGis.Data.Monitoring;

/// <summary>Interval names on the wire (raw, hour, 8h, day) and the longest range each may ask for.</summary>
public static class SeriesIntervals
{
    public static bool TryParse(string? text, out SeriesInterval interval)
    {
        (var ok, interval) = (text ?? "hour") switch
        {
            "raw" => (true, SeriesInterval.Raw),
            "hour" => (true, SeriesInterval.Hour),
            "8h" => (true, SeriesInterval.EightHour),
            "day" => (true, SeriesInterval.Day),
            _ => (false, SeriesInterval.Hour),
        };
        return ok;
    }

    public static string Name(this SeriesInterval interval) => interval switch
    {
        SeriesInterval.Raw => "raw",
        SeriesInterval.Hour => "hour",
        SeriesInterval.EightHour => "8h",
        SeriesInterval.Day => "day",
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    /// <summary>The longest range one request may read (bounded work).</summary>
    public static TimeSpan MaxRange(this SeriesInterval interval) => interval switch
    {
        SeriesInterval.Raw => TimeSpan.FromDays(31),
        SeriesInterval.Hour or SeriesInterval.EightHour => TimeSpan.FromDays(400),
        _ => TimeSpan.FromDays(3660),
    };

    /// <summary>The range read when none is given: the last day of readings or hours, the last 30 days of days.</summary>
    public static TimeSpan DefaultRange(this SeriesInterval interval) =>
        interval == SeriesInterval.Day ? TimeSpan.FromDays(30) : TimeSpan.FromDays(1);

    /// <summary>The averaging period of limits drawn with a series of this interval.</summary>
    public static string? Averaging(this SeriesInterval interval) => interval switch
    {
        SeriesInterval.Hour => "1h",
        SeriesInterval.EightHour => "8h",
        SeriesInterval.Day => "24h",
        _ => null,
    };
}
