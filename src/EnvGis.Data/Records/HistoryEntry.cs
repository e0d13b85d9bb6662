namespace EnvGis.Data.Records;

/// <summary>
/// One entry of a record's history: the action, who (user and unit), when, through which channel,
/// and the full state before and after (columns as JSON text, geometry as GeoJSON).
/// </summary>
public sealed record HistoryEntry(
    long Id, string Action, int Version, string? FromStatus, string? ToStatus, string UserName, string? UnitCode, string Channel,
    string? Comment, DateTime At, string? BeforeAttributes, string? BeforeGeometry, string? AfterAttributes, string? AfterGeometry);
