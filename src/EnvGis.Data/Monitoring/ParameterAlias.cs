namespace EnvGis.Data.Monitoring;

/// <summary>A name dataloggers use for a parameter (normalised), for one station type or (null) for all.</summary>
public sealed record ParameterAlias(string Alias, string? StationType, short ParameterId);
