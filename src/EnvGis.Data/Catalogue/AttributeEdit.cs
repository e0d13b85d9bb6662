using EnvGis.Core.Catalogue;

namespace EnvGis.Data.Catalogue;

/// <summary>
/// Changes to an attribute; null members stay as they are. <see cref="AllowedValues"/> replaces the
/// list; <see cref="FreeText"/> removes it (any value allowed).
/// </summary>
public sealed record AttributeEdit(
    AttributeType? Type,
    bool? Required,
    IReadOnlyList<string>? AllowedValues,
    bool FreeText,
    LocalizedText? Label,
    IReadOnlyDictionary<string, LocalizedText>? ValueLabels,
    int? Ordinal);
