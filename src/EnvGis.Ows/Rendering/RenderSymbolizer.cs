using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// A symbolizer turned into SkiaSharp paints once, when the style is compiled. The paints are never
/// changed afterwards, so concurrent renders share them.
/// </summary>
public abstract class RenderSymbolizer;

/// <summary>PolygonSymbolizer: fill then outline; either may be absent.</summary>
public sealed class AreaRender(SKPaint? fill, SKPaint? stroke) : RenderSymbolizer
{
    public SKPaint? Fill { get; } = fill;

    public SKPaint? Stroke { get; } = stroke;
}

/// <summary>LineSymbolizer: a stroke along lines (and along polygon outlines).</summary>
public sealed class LineRender(SKPaint stroke) : RenderSymbolizer
{
    public SKPaint Stroke { get; } = stroke;
}

/// <summary>PointSymbolizer: a mark path centred on the origin, filled and outlined.</summary>
public sealed class MarkRender(SKPath path, float size, SKPaint? fill, SKPaint? stroke) : RenderSymbolizer
{
    public SKPath Path { get; } = path;

    public float Size { get; } = size;

    public SKPaint? Fill { get; } = fill;

    public SKPaint? Stroke { get; } = stroke;
}

/// <summary>TextSymbolizer: the attribute to show, the font and paints, the halo, and the placement.</summary>
public sealed class TextRender(string property, SKFont font, SKPaint fill, SKPaint? halo, bool alongLines) : RenderSymbolizer
{
    public string Property { get; } = property;

    public SKFont Font { get; } = font;

    public SKPaint Fill { get; } = fill;

    public SKPaint? Halo { get; } = halo;

    public bool AlongLines { get; } = alongLines;
}
