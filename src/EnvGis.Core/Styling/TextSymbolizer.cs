using System.Text.Json.Serialization;

namespace EnvGis.Core.Styling;

/// <summary>
/// A label taken from the attribute <see cref="Label"/>. <see cref="Placement"/> is <c>point</c>
/// (centred on the point or polygon) or <c>line</c> (along the line). No halo when its colour is null.
/// </summary>
public sealed record TextSymbolizer(
    string Label,
    string FontFamily,
    double FontSize,
    string FontWeight,
    string FontStyle,
    string Fill,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HaloColor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? HaloRadius,
    string Placement)
    : Symbolizer
{
    public const string PointPlacement = "point";
    public const string LinePlacement = "line";
}
