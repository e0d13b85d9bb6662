namespace EnvGis.Core.Monitoring;

/// <summary>The device status of a reading (Circular 10/2021): a quality flag kept with every value.</summary>
public enum ReadingStatus : short
{
    Measuring = 0,
    Calibrating = 1,
    Fault = 2,
}
