using System.Text.Json.Serialization;

namespace EnvGis.Core.Styling;

/// <summary>A stroke along lines. Colour <c>#rrggbb</c>, width and dashes in pixels.</summary>
public sealed record LineSymbolizer(
    string Stroke,
    double StrokeWidth,
    double StrokeOpacity,
    // Always written, null for a solid line: the portal's contract shows it explicitly.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<double>? StrokeDasharray)
    : Symbolizer;
