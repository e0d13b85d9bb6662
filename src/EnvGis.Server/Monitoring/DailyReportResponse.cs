namespace EnvGis.Server.Monitoring;

/// <summary>One station's day in the data-silence report: readings received against expected, and the share.</summary>
public sealed record DailyReportResponse(string Station, string Name, DateOnly Day, int Received, int Expected, double? Share, bool Silent);
