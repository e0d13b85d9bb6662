namespace EnvGis.Core.Records;

/// <summary>The workflow states of a record (Art. 7): only <see cref="Published"/> records are public.</summary>
public static class RecordStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Published = "published";
    public const string Rejected = "rejected";
    public const string Archived = "archived";

    public static IReadOnlyList<string> All { get; } = [Draft, Submitted, Approved, Published, Rejected, Archived];
}
