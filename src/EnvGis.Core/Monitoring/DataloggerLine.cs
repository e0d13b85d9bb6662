namespace EnvGis.Core.Monitoring;

/// <summary>One line of a datalogger file as written: parameter and unit as the vendor names them, the value, the time (UTC+7 read), the status.</summary>
public sealed record DataloggerLine(int LineNumber, string Parameter, double Value, string Unit, DateTimeOffset Time, ReadingStatus Status);
