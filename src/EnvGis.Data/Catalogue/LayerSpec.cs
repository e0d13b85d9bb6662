using EnvGis.Core.Catalogue;

namespace EnvGis.Data.Catalogue;

/// <summary>A new layer as the administrator describes it (the shape /api/layers returns).</summary>
public sealed record LayerSpec(
    string Name,
    int Category,
    GeometryKind GeometryKind,
    LocalizedText Title,
    LocalizedText Abstract,
    bool Restricted,
    string? LabelAttribute,
    IReadOnlyList<AttributeSpec> Attributes);
