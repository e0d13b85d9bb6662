namespace EnvGis.Data.Monitoring;

/// <summary>A unit a parameter is accepted in: canonical value = value × factor + offset.</summary>
public sealed record UnitDefinition(string Unit, double Factor, double Offset = 0);
