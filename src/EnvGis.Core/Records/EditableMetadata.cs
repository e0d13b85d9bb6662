using EnvGis.Core.Catalogue;

namespace EnvGis.Core.Records;

/// <summary>
/// The record metadata a writer may set next to the attributes (validity period, source, citation,
/// the restricted flag). Owner, status, commune, version and who/when are kept by the system.
/// </summary>
public static class EditableMetadata
{
    public static IReadOnlyList<AttributeDefinition> All { get; } =
    [
        Define(RecordMetadata.ValidFrom, AttributeType.Date, "Hiệu lực từ", "Valid from"),
        Define(RecordMetadata.ValidTo, AttributeType.Date, "Hiệu lực đến", "Valid to"),
        Define(RecordMetadata.Source, AttributeType.Text, "Nguồn", "Source"),
        Define(RecordMetadata.Citation, AttributeType.Text, "Trích dẫn", "Citation"),
        Define(RecordMetadata.Restricted, AttributeType.Boolean, "Hạn chế", "Restricted"),
    ];

    /// <summary>Columns no writer sets: refused when a request names them.</summary>
    public static IReadOnlyList<string> SystemManaged { get; } =
    [
        RecordMetadata.Id, RecordMetadata.OwnerUnit, RecordMetadata.CommuneCode, RecordMetadata.Status,
        RecordMetadata.CreatedBy, RecordMetadata.CreatedAt, RecordMetadata.UpdatedBy, RecordMetadata.UpdatedAt,
        RecordMetadata.Version,
    ];

    public static AttributeDefinition? Find(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>The attribute or editable metadata column <paramref name="name"/> of <paramref name="layer"/>, or null.</summary>
    public static AttributeDefinition? Writable(LayerDefinition layer, string name) => layer.FindAttribute(name) ?? Find(name);

    private static AttributeDefinition Define(string name, AttributeType type, string vi, string en) =>
        new(name, type, false, null, new LocalizedText(vi, en));
}
