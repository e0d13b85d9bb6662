namespace EnvGis.Data.Records;

/// <summary>A record after a write: its id, new version and status.</summary>
public sealed record RecordResult(long Id, int Version, string Status);
