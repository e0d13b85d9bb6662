namespace EnvGis.Data.Monitoring;

/// <summary>A reading ready to store: station record id, parameter, instant, value in the canonical unit, status code.</summary>
public readonly record struct Reading(long StationId, short ParameterId, DateTimeOffset Time, double Value, short Status);
