using System.Runtime.CompilerServices;
using EnvGis.Core.Styling;
using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// A <see cref="LayerStyle"/> compiled for SkiaSharp: every rule's symbolizers as paints and mark
/// paths, built once per style object and shared by all renders and legends.
/// </summary>
public sealed class RenderStyle
{
    private static readonly ConditionalWeakTable<LayerStyle, RenderStyle> Compiled = new();

    private RenderStyle(LayerStyle style)
    {
        Style = style;
        Rules = style.Rules.Select(r => new RenderRule(r, r.Symbolizers.Select(Compile).ToList())).ToList();
    }

    public LayerStyle Style { get; }

    public IReadOnlyList<RenderRule> Rules { get; }

    public static RenderStyle For(LayerStyle style) => Compiled.GetValue(style, s => new RenderStyle(s));

    /// <summary>The rules that apply at <paramref name="scaleDenominator"/> (SLD: min inclusive, max exclusive).</summary>
    public ActiveRules At(double scaleDenominator)
    {
        var visible = Rules.Where(r => r.Rule.AppliesAtScale(scaleDenominator)).ToList();
        return new ActiveRules(visible.Where(r => !r.Rule.IsElse).ToArray(), visible.Where(r => r.Rule.IsElse).ToArray());
    }

    private static RenderSymbolizer Compile(Symbolizer symbolizer) => symbolizer switch
    {
        PolygonSymbolizer p => new AreaRender(
            p.Fill is null ? null : Fill(Colors.Parse(p.Fill, p.FillOpacity)),
            p.Stroke is null ? null : Stroke(Colors.Parse(p.Stroke, p.StrokeOpacity), p.StrokeWidth ?? 1, p.StrokeDasharray)),
        LineSymbolizer l => new LineRender(Stroke(Colors.Parse(l.Stroke, l.StrokeOpacity), l.StrokeWidth, l.StrokeDasharray)),
        PointSymbolizer m => new MarkRender(
            Marks.Create(m.Mark, (float)m.Size, (float)m.Rotation),
            (float)m.Size,
            m.Fill is null ? null : Fill(Colors.Parse(m.Fill, m.FillOpacity)),
            m.Stroke is null ? null : Stroke(Colors.Parse(m.Stroke), m.StrokeWidth ?? 1, null)),
        TextSymbolizer t => new TextRender(
            t.Label,
            FontLibrary.Create(t.FontWeight, t.FontStyle, (float)t.FontSize),
            Fill(Colors.Parse(t.Fill, 1, "#000000")),
            t.HaloColor is null ? null : Halo(Colors.Parse(t.HaloColor, 1, "#ffffff"), (float)(t.HaloRadius ?? 1)),
            t.Placement == TextSymbolizer.LinePlacement),
        _ => throw new NotSupportedException($"Symbolizer {symbolizer.GetType().Name} cannot be drawn."),
    };

    private static SKPaint Fill(SKColor color) => new()
    {
        Color = color,
        Style = SKPaintStyle.Fill,
        IsAntialias = true,
    };

    private static SKPaint Stroke(SKColor color, double width, IReadOnlyList<double>? dashes)
    {
        var paint = new SKPaint
        {
            Color = color,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = (float)Math.Max(width, 0),
            StrokeJoin = SKStrokeJoin.Round,
            StrokeCap = SKStrokeCap.Round,
            IsAntialias = true,
        };
        if (dashes is { Count: > 0 } && dashes.Any(d => d > 0))
        {
            var intervals = dashes.Count % 2 == 0 ? dashes : [.. dashes, .. dashes];
            paint.PathEffect = SKPathEffect.CreateDash(intervals.Select(d => (float)Math.Max(d, 0.1)).ToArray(), 0);
            paint.StrokeCap = SKStrokeCap.Butt;
        }

        return paint;
    }

    private static SKPaint Halo(SKColor color, float radius) => new()
    {
        Color = color,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = radius * 2,
        StrokeJoin = SKStrokeJoin.Round,
        IsAntialias = true,
    };
}

/// <summary>The rules of a style at one scale: ordinary rules, and the ElseFilter rules for features no ordinary rule takes.</summary>
public sealed record ActiveRules(RenderRule[] Ordinary, RenderRule[] Else)
{
    public bool IsEmpty => Ordinary.Length == 0 && Else.Length == 0;

    /// <summary>Every attribute the rules read (filters and labels).</summary>
    public IReadOnlySet<string> Properties()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Ordinary.Concat(Else))
        {
            StyleProperties.Collect(rule.Rule.Filter, names);
            foreach (var text in rule.Symbolizers.OfType<TextRender>())
            {
                names.Add(text.Property);
            }
        }

        return names;
    }
}
