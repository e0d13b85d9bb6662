namespace EnvGis.Core.Records;

/// <summary>Everything a caller can do to a record; each becomes one history entry.</summary>
public enum RecordAction
{
    Create,
    Update,

    /// <summary>The soft delete: the record becomes <see cref="RecordStatus.Archived"/>.</summary>
    Archive,
    Submit,
    Approve,
    Reject,
    Publish,

    /// <summary>Brings back an earlier state from the history (also undoes an archive).</summary>
    Restore,
}
