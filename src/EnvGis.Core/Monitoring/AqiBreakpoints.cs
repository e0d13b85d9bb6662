namespace EnvGis.Core.Monitoring;

/// <summary>
/// The breakpoint tables of Decision 1459/QĐ-TCMT (docs/monitoring.md "VN_AQI"): for each level I of
/// <see cref="Levels"/>, the concentration BP in µg/m³ (CO too); null where the Decision gives none.
/// </summary>
public static class AqiBreakpoints
{
    public static IReadOnlyList<int> Levels { get; } = [0, 50, 100, 150, 200, 300, 400, 500];

    public static IReadOnlyList<double?> O3OneHour { get; } = [0, 160, 200, 300, 400, 800, 1000, 1200];

    /// <summary>O3 as an 8-hour mean: nothing above 400 µg/m³ (level 300); higher values are not used.</summary>
    public static IReadOnlyList<double?> O3EightHour { get; } = [0, 100, 120, 170, 210, 400, null, null];

    public static IReadOnlyList<double?> Co { get; } = [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000];

    public static IReadOnlyList<double?> So2 { get; } = [0, 125, 350, 550, 800, 1600, 2100, 2630];

    public static IReadOnlyList<double?> No2 { get; } = [0, 100, 200, 700, 1200, 2350, 3100, 3850];

    public static IReadOnlyList<double?> Pm10 { get; } = [0, 50, 150, 250, 350, 420, 500, 600];

    public static IReadOnlyList<double?> Pm25 { get; } = [0, 25, 50, 80, 150, 250, 350, 500];

    /// <summary>The table of a pollutant for hourly means (O3: the 1-hour table).</summary>
    public static IReadOnlyList<double?> OneHour(string pollutant) => pollutant switch
    {
        AqiPollutants.Pm25 => Pm25,
        AqiPollutants.Pm10 => Pm10,
        AqiPollutants.O3 => O3OneHour,
        AqiPollutants.Co => Co,
        AqiPollutants.So2 => So2,
        AqiPollutants.No2 => No2,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "Not a VN_AQI pollutant."),
    };
}
