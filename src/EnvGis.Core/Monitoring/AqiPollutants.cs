namespace EnvGis.Core.Monitoring;

/// <summary>The pollutants of VN_AQI (Decision 1459/QĐ-TCMT), named as the parameter catalogue's <c>aqi_pollutant</c>.</summary>
public static class AqiPollutants
{
    public const string Pm25 = "PM2.5";
    public const string Pm10 = "PM10";
    public const string O3 = "O3";
    public const string Co = "CO";
    public const string So2 = "SO2";
    public const string No2 = "NO2";

    /// <summary>All of them, in the order that breaks ties for the dominant pollutant.</summary>
    public static IReadOnlyList<string> All { get; } = [Pm25, Pm10, O3, Co, So2, No2];
}
