namespace EnvGis.Server.Reports;

/// <summary>
/// Submit (enterprise) or review (Department): the version the client last read, a comment, and for a
/// review the decision <c>accept</c> or <c>request-changes</c> (which needs a comment).
/// </summary>
public sealed record ReportActionRequest(int? Version, string? Comment, string? Decision);
