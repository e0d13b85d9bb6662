namespace EnvGis.Data.Monitoring;

/// <summary>A name of a parameter as a datalogger writes it, for one station type or (null) for every type.</summary>
public sealed record AliasDefinition(string Alias, string? StationType);
