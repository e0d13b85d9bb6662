namespace EnvGis.Core.Records;

/// <summary>
/// The record workflow of Art. 7: draft → submitted → approved | rejected → published, with
/// archived (the soft delete) reachable from every state and left only by a restore. A rejected
/// record can be corrected and submitted again.
/// </summary>
public static class Workflow
{
    /// <summary>The status after <paramref name="action"/> from <paramref name="status"/>, or null when the workflow does not allow it.</summary>
    public static string? Next(string status, RecordAction action) => (action, status) switch
    {
        (RecordAction.Submit, RecordStatus.Draft or RecordStatus.Rejected) => RecordStatus.Submitted,
        (RecordAction.Approve, RecordStatus.Submitted) => RecordStatus.Approved,
        (RecordAction.Reject, RecordStatus.Submitted) => RecordStatus.Rejected,
        (RecordAction.Publish, RecordStatus.Approved) => RecordStatus.Published,
        (RecordAction.Archive, not RecordStatus.Archived) => RecordStatus.Archived,
        (RecordAction.Update, not RecordStatus.Archived) => status,
        _ => null,
    };

    /// <summary>What the workflow says about an action it refuses, for the error message.</summary>
    public static string Explain(string status, RecordAction action) => action switch
    {
        RecordAction.Submit => $"Only draft or rejected records can be submitted; this record is {status}.",
        RecordAction.Approve => $"Only submitted records can be approved; this record is {status}.",
        RecordAction.Reject => $"Only submitted records can be rejected; this record is {status}.",
        RecordAction.Publish => $"Only approved records can be published; this record is {status}.",
        RecordAction.Archive => "The record is already archived (deleted); restore it instead.",
        RecordAction.Update => "An archived (deleted) record cannot be changed; restore it first.",
        _ => $"The action is not possible on a {status} record.",
    };

    /// <summary>Statuses whose content was reviewed: changing it needs the right to approve.</summary>
    public static bool IsReviewed(string status) => status is RecordStatus.Approved or RecordStatus.Published;

    /// <summary>
    /// The status a restored record gets: a reviewed state (approved, published) is kept only when the
    /// caller may approve the record; anything else comes back as a draft to go through the workflow.
    /// </summary>
    public static string AfterRestore(string restoredStatus, bool mayApprove) =>
        IsReviewed(restoredStatus) && mayApprove ? restoredStatus : RecordStatus.Draft;
}
