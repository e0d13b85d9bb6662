namespace EnvGis.Core.Catalogue;

/// <summary>One typed attribute of a layer, as the catalogue defines it.</summary>
public sealed record AttributeDefinition(
    string Name,
    AttributeType Type,
    bool Required,
    IReadOnlyList<string>? AllowedValues,
    LocalizedText Label)
{
    /// <summary>Labels (vi/en) of the allowed values, keyed by value; null for free-form attributes.</summary>
    public IReadOnlyDictionary<string, LocalizedText>? ValueLabels { get; init; }

    /// <summary>A measured value kept by the system (a station's live AQI…): readers see it, no writer sets it.</summary>
    public bool Measured { get; init; }

    /// <summary>How a value reads for people in a language: its label when it has one, else the value.</summary>
    public string Display(string value, string language) =>
        ValueLabels is not null && ValueLabels.TryGetValue(value, out var label) ? label.In(language) : value;
}
