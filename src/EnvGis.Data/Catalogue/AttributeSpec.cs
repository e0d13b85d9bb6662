using EnvGis.Core.Catalogue;

namespace EnvGis.Data.Catalogue;

/// <summary>
/// A new attribute as the administrator describes it. <see cref="Default"/> fills the records a layer
/// already has (needed when a required attribute joins a layer with records); <see cref="Ordinal"/>
/// places it in the forms (after the others when absent).
/// </summary>
public sealed record AttributeSpec(
    string Name,
    AttributeType Type,
    bool Required,
    IReadOnlyList<string>? AllowedValues,
    LocalizedText Label,
    IReadOnlyDictionary<string, LocalizedText>? ValueLabels,
    int? Ordinal,
    string? Default);
