namespace EnvGis.Core.Reports;

/// <summary>
/// The states of a submission (docs/operations.md "Enterprise reports"): the enterprise edits a draft and submits it;
/// the Department accepts it or asks for changes, after which the enterprise edits and submits again.
/// An accepted report never changes.
/// </summary>
public static class ReportStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string ChangesRequested = "changes-requested";
    public const string Accepted = "accepted";

    /// <summary>No submission yet (obligations only).</summary>
    public const string NotStarted = "not-started";

    /// <summary>The enterprise may change the form and the documents.</summary>
    public static bool IsEditable(string status) => status is Draft or ChangesRequested;
}
