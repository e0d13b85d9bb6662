namespace EnvGis.Server.Monitoring;

/// <summary>The body of <c>PUT /api/monitoring/admin/stations/{code}/settings</c>: the column/zone/class of the national limits the station is held to.</summary>
public sealed record StationSettingsRequest(string? LimitZone);
