namespace EnvGis.Core.Monitoring;

/// <summary>The six VN_AQI bands (Decision 1459/QĐ-TCMT) by their codes as stored and sent.</summary>
public static class AqiBands
{
    public const string Good = "good";
    public const string Moderate = "moderate";
    public const string Poor = "poor";
    public const string Bad = "bad";
    public const string VeryBad = "very_bad";
    public const string Hazardous = "hazardous";

    public static IReadOnlyList<string> All { get; } = [Good, Moderate, Poor, Bad, VeryBad, Hazardous];

    /// <summary>The band of a (rounded) AQI: 0–50, 51–100, 101–150, 151–200, 201–300, 301 and above.</summary>
    public static string Of(int aqi) => aqi switch
    {
        <= 50 => Good,
        <= 100 => Moderate,
        <= 150 => Poor,
        <= 200 => Bad,
        <= 300 => VeryBad,
        _ => Hazardous,
    };
}
