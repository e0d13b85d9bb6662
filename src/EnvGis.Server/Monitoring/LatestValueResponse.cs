namespace EnvGis.Server.Monitoring;

/// <summary>A station's latest reading of one parameter (canonical unit); status measuring, calibrating or fault.</summary>
public sealed record LatestValueResponse(string Parameter, string Unit, DateTime Time, double Value, string Status);
