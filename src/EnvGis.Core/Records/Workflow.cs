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
    /// The status after a change of content (attributes, geometry, metadata) of a record in
    /// <paramref name="status"/>: a reviewed record (approved or published) goes back to submitted, whoever
    /// changes it and through whichever channel, so no content reaches the public map unapproved (Art. 7.2a);
    /// it leaves the public map until approved and published again. Other statuses are kept.
    /// </summary>
    public static string AfterChange(string status) => IsReviewed(status) ? RecordStatus.Submitted : status;

    /// <summary>
    /// The status after restoring an earlier state that was in <paramref name="restoredStatus"/> over a record now in
    /// <paramref name="currentStatus"/>. A restore is a change: when either state is reviewed (approved, published)
    /// the restored content is submitted for approval again, since its approval may have been withdrawn since;
    /// otherwise it comes back as a draft. Nothing restored is public before it is approved and published again.
    /// </summary>
    public static string AfterRestore(string restoredStatus, string currentStatus) =>
        IsReviewed(restoredStatus) || IsReviewed(currentStatus) ? RecordStatus.Submitted : RecordStatus.Draft;

    /// <summary>Whether a record in <paramref name="status"/> is on the public map (when not restricted).</summary>
    public static bool IsPublic(string status) => status == RecordStatus.Published;
}
