using System.Text.Json.Serialization;

namespace EnvGis.Core.Styling;

/// <summary>
/// Area fill and outline. A null <see cref="Fill"/> or <see cref="Stroke"/> means "not painted"
/// (the SLD had no Fill or Stroke element). Colours are <c>#rrggbb</c>, widths in pixels.
/// </summary>
public sealed record PolygonSymbolizer(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fill,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? FillOpacity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stroke,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? StrokeWidth,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? StrokeOpacity,
    // Always written, null for a solid line: the portal's contract shows it explicitly.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<double>? StrokeDasharray)
    : Symbolizer;
