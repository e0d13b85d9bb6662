namespace EnvGis.Core.Catalogue;

/// <summary>One typed attribute of a layer, as the catalogue defines it.</summary>
public sealed record AttributeDefinition(
    string Name,
    AttributeType Type,
    bool Required,
    IReadOnlyList<string>? AllowedValues,
    LocalizedText Label);
