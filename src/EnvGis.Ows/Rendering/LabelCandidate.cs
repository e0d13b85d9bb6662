using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// A label waiting for the end of the map: labels are placed after every layer is drawn, in the
/// order of their layers from the top (then as collected), and one that would overlap a placed label or leave the image is dropped.
/// </summary>
internal sealed record LabelCandidate(string Text, TextRender Style, SKPoint Anchor, float Offset, SKPath? Line, int Layer);
