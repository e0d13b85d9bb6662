namespace EnvGis.Core.Monitoring;

/// <summary>
/// What the hourly VN_AQI of one hour needs: the valid hourly means of PM2.5 and PM10 of that hour and
/// the 11 before it (index 0 = the hour itself, null = missing or invalid), and the hour's means of
/// O3, CO, SO2 and NO2 (µg/m³).
/// </summary>
public sealed record HourlyAqiInput(
    IReadOnlyList<double?> Pm25Hours,
    IReadOnlyList<double?> Pm10Hours,
    double? O3,
    double? Co,
    double? So2,
    double? No2);
