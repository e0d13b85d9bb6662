namespace EnvGis.Core.Records;

/// <summary>The columns every layer table has besides its own attributes (see the foundation migration).</summary>
public static class RecordMetadata
{
    public const string Id = "id";
    public const string Geometry = "geom";
    public const string OwnerUnit = "owner_unit";
    public const string CommuneCode = "commune_code";
    public const string Status = "status";
    public const string Restricted = "restricted";
    public const string ValidFrom = "valid_from";
    public const string ValidTo = "valid_to";
    public const string Source = "source";
    public const string Citation = "citation";
    public const string CreatedBy = "created_by";
    public const string CreatedAt = "created_at";
    public const string UpdatedBy = "updated_by";
    public const string UpdatedAt = "updated_at";
    public const string Version = "version";

    /// <summary>Metadata that is shown to readers next to the attributes (WFS, tiles, popups).</summary>
    public static IReadOnlyList<string> Public { get; } = [Status, ValidFrom, ValidTo, Source, Citation];
}
