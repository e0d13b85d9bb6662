namespace EnvGis.Data.Monitoring;

/// <summary>A file that passed every check: its readings (one per station, parameter and time) and the stations it delivers for.</summary>
public sealed record ResolvedDelivery(DeliveryFile File, IReadOnlyCollection<Reading> Readings, IReadOnlyList<Station> Stations);
