using EnvGis.Core.Catalogue;

namespace EnvGis.Data.Catalogue;

/// <summary>Changes to a layer's entry; null members stay as they are (an empty label attribute clears it).</summary>
public sealed record LayerEdit(
    int? Category,
    LocalizedText? Title,
    LocalizedText? Abstract,
    bool? Restricted,
    string? LabelAttribute,
    GeometryKind? GeometryKind,
    int? Ordinal);
