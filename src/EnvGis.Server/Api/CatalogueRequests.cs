using EnvGis.Core.Catalogue;

namespace EnvGis.Server.Api;

/// <summary>
/// A layer to add or change (docs/catalogue.md): the shape <c>/api/layers</c> returns. When adding,
/// name, category, geometryType and title are required; when changing, absent members stay as they are.
/// </summary>
public sealed record CatalogueLayerRequest(
    string? Name,
    int? Category,
    string? GeometryType,
    LocalizedText? Title,
    LocalizedText? Abstract,
    bool? Public,
    string? LabelAttribute,
    int? Order,
    IReadOnlyList<CatalogueAttributeRequest>? Attributes);

/// <summary>
/// An attribute to add or change. <c>default</c> fills the records a layer already has (adding only);
/// <c>freeText: true</c> removes the allowed values; <c>order</c> places it in the forms.
/// </summary>
public sealed record CatalogueAttributeRequest(
    string? Name,
    string? Type,
    bool? Required,
    IReadOnlyList<string>? AllowedValues,
    LocalizedText? Label,
    IReadOnlyDictionary<string, LocalizedText>? ValueLabels,
    int? Order,
    string? Default,
    bool? FreeText);

/// <summary>New titles of an Article 5 category.</summary>
public sealed record CategoryTitleRequest(LocalizedText? Title);

/// <summary>What an attribute's removal kept: how many records had a value (now in catalogue.retired_values and in history).</summary>
public sealed record RetiredAttributeResponse(string Layer, string Attribute, long RetiredValues);
