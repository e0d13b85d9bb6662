namespace EnvGis.Core.Monitoring;

/// <summary>
/// What the daily VN_AQI needs (µg/m³, only valid means): the 24-hour means of PM2.5 and PM10, the day's
/// largest 1-hour and 8-hour means of O3, and the largest 1-hour means of CO, SO2 and NO2.
/// </summary>
public sealed record DailyAqiInput(
    double? Pm25Mean,
    double? Pm10Mean,
    double? O3MaxHour,
    double? O3MaxEightHour,
    double? CoMaxHour,
    double? So2MaxHour,
    double? No2MaxHour);
