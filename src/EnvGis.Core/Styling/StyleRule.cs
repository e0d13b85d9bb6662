using System.Text.Json.Serialization;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;

namespace EnvGis.Core.Styling;

/// <summary>One SLD rule: which features (filter, scale range) and how (symbolizers, painted in order).</summary>
public sealed record StyleRule(
    string Name,
    LocalizedText Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(StyleFilterJson))] FilterNode? Filter,
    bool IsElse,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MinScaleDenominator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MaxScaleDenominator,
    IReadOnlyList<Symbolizer> Symbolizers)
{
    /// <summary>SLD scale range: minimum inclusive, maximum exclusive.</summary>
    public bool AppliesAtScale(double scaleDenominator) =>
        (MinScaleDenominator is not { } min || scaleDenominator >= min)
        && (MaxScaleDenominator is not { } max || scaleDenominator < max);

    /// <summary>True when the filter accepts the feature (the shared evaluator); a rule without filter accepts every feature.</summary>
    public bool Accepts(Func<string, object?> getProperty) => FilterEvaluator.Untyped.Accepts(Filter, getProperty);
}
