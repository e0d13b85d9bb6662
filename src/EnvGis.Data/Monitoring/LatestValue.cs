namespace EnvGis.Data.Monitoring;

/// <summary>The latest reading of one parameter at a station.</summary>
public sealed record LatestValue(long StationId, string Parameter, string Unit, DateTime Time, double Value, short Status);
