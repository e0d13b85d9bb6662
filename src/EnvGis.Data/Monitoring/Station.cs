namespace EnvGis.Data.Monitoring;

/// <summary>A live monitoring_stations record as monitoring sees it.</summary>
public sealed record Station(long Id, string Code, string Name, string StationType, string OwnerUnit, bool Automatic);
