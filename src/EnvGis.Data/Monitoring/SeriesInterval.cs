namespace EnvGis.Data.Monitoring;

/// <summary>The intervals observations are read at: raw readings, hourly, 8-hour running and daily means.</summary>
public enum SeriesInterval
{
    Raw,
    Hour,
    EightHour,
    Day,
}
