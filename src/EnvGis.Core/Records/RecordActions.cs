namespace EnvGis.Core.Records;

/// <summary>Action names as written to the history (envgis.record_history.action) and used in URLs.</summary>
public static class RecordActions
{
    public static string Name(this RecordAction action) => action switch
    {
        RecordAction.Create => "insert",
        RecordAction.Update => "update",
        RecordAction.Archive => "delete",
        RecordAction.Submit => "submit",
        RecordAction.Approve => "approve",
        RecordAction.Reject => "reject",
        RecordAction.Publish => "publish",
        RecordAction.Restore => "restore",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The workflow actions that only change a record's status.</summary>
    public static IReadOnlyList<RecordAction> StatusChanges { get; } =
        [RecordAction.Submit, RecordAction.Approve, RecordAction.Reject, RecordAction.Publish];
}
