namespace EnvGis.Server.Api;

/// <summary>A map centre (lon, lat) and zoom level.</summary>
public sealed record InitialView(IReadOnlyList<double> Center, int Zoom);
