namespace EnvGis.Data.Monitoring;

/// <summary>One station's day: readings received (any status) against those expected from its series' intervals.</summary>
public sealed record DailyReportRow(long StationId, int Received, int Expected);
