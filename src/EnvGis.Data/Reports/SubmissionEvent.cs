namespace EnvGis.Data.Reports;

/// <summary>One step in a submission's history: who did what, when, with which comment.</summary>
public sealed record SubmissionEvent(long Id, string Action, string? FromStatus, string ToStatus, int Version, string UserName, string? UnitCode,
    string? Comment, DateTime At);
