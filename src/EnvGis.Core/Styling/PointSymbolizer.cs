using System.Text.Json.Serialization;

namespace EnvGis.Core.Styling;

/// <summary>
/// A well-known mark (<see cref="Marks"/>) drawn at points. <see cref="Size"/> is the mark's height in
/// pixels, <see cref="Rotation"/> clockwise degrees. A null fill or stroke is not painted.
/// </summary>
public sealed record PointSymbolizer(
    string Mark,
    double Size,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fill,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? FillOpacity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stroke,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? StrokeWidth,
    double Rotation)
    : Symbolizer
{
    /// <summary>The SLD well-known names every renderer of EnvGis draws (OpenLayers and SkiaSharp).</summary>
    public static IReadOnlyList<string> Marks { get; } = ["circle", "square", "triangle", "star", "cross", "x"];
}
