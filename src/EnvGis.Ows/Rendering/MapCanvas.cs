using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// An anti-aliased RGBA map image being drawn: features are painted as they stream in from the
/// database (rules and symbolizers in style order, SLD 1.0), labels are collected and placed on top
/// once every layer is drawn, without overlaps and never cut by the image edge.
/// </summary>
public sealed class MapCanvas : IDisposable
{
    private const float LabelGap = 3f;

    private readonly SKCanvas canvas;
    private readonly SKPathBuilder builder = new();
    private readonly List<RenderRule> matched = new(8);
    private readonly List<LabelCandidate> labels = [];
    private int layer;

    // The feature being drawn: its path and label anchor are built at most once, when a symbolizer needs them.
    private PixelGeometry? feature;
    private SKPath? path;
    private SKPoint? anchor;
    private bool anchorReady;
    private float markRadius;

    public MapCanvas(int width, int height, SKColor background)
    {
        Width = width;
        Height = height;
        // The platform's native order (BGRA on x86): Skia's fast blitters; other orders take its slow generic pipeline.
        Bitmap = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        canvas = new SKCanvas(Bitmap);
        canvas.Clear(background);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixels (premultiplied, native channel order); complete after <see cref="DrawLabels"/>.</summary>
    public SKBitmap Bitmap { get; }

    /// <summary>
    /// Starts the next layer. Labels of upper layers are placed first (as MapServer does), so a
    /// station's name wins over the commune it lies in.
    /// </summary>
    public void BeginLayer() => layer++;

    /// <summary>Draws one feature with the rules that take it (or the ElseFilter rules when none does).</summary>
    public void DrawFeature(PixelGeometry geometry, ActiveRules rules, Func<string, object?> property)
    {
        if (geometry.IsEmpty)
        {
            return;
        }

        matched.Clear();
        foreach (var rule in rules.Ordinary)
        {
            if (rule.Rule.Accepts(property))
            {
                matched.Add(rule);
            }
        }

        if (matched.Count == 0)
        {
            matched.AddRange(rules.Else);
        }

        feature = geometry;
        anchorReady = false;
        markRadius = 0;
        try
        {
            foreach (var rule in matched)
            {
                foreach (var symbolizer in rule.Symbolizers)
                {
                    Draw(symbolizer, property);
                }
            }
        }
        finally
        {
            path?.Dispose();
            path = null;
            feature = null;
        }
    }

    private void Draw(RenderSymbolizer symbolizer, Func<string, object?> property)
    {
        var geometry = feature!;
        switch (symbolizer)
        {
            case AreaRender area when geometry.Kind != PixelGeometryKind.Point:
                if (area.Fill is not null && geometry.Kind == PixelGeometryKind.Polygon)
                {
                    canvas.DrawPath(Path(), area.Fill);
                }

                if (area.Stroke is not null)
                {
                    canvas.DrawPath(Path(), area.Stroke);
                }

                break;
            case LineRender line when geometry.Kind != PixelGeometryKind.Point:
                canvas.DrawPath(Path(), line.Stroke);
                break;
            case MarkRender mark:
                markRadius = Math.Max(markRadius, mark.Size / 2);
                if (geometry.Kind == PixelGeometryKind.Point)
                {
                    foreach (var part in geometry.Parts)
                    {
                        DrawMark(mark, geometry.Vertices[part.Start]);
                    }
                }
                else if (Anchor() is { } at)
                {
                    DrawMark(mark, at);
                }

                break;
            case TextRender text:
                CollectLabel(geometry, text, property);
                break;
        }
    }

    /// <summary>Places and draws the collected labels: halo first, then the letters.</summary>
    public void DrawLabels()
    {
        var placed = new List<SKRect>();
        var boxes = new List<SKRect>();
        var bounds = new SKRect(0, 0, Width, Height);
        foreach (var label in labels.OrderByDescending(l => l.Layer))
        {
            var font = label.Style.Font;
            var width = font.MeasureText(label.Text);
            var metrics = font.Metrics;
            var halo = label.Style.Halo?.StrokeWidth / 2 ?? 0;
            if (label.Line is { } line)
            {
                PlaceAlongLine(label, line, width, metrics, halo, placed, boxes, bounds);
                continue;
            }

            var baseline = label.Anchor.Y - (metrics.Ascent + metrics.Descent) / 2;
            float[] starts = label.Offset > 0
                ? [label.Anchor.X + label.Offset + LabelGap, label.Anchor.X - label.Offset - LabelGap - width]
                : [label.Anchor.X - width / 2];
            foreach (var x in starts)
            {
                var box = new SKRect(x - halo, baseline + metrics.Ascent - halo, x + width + halo, baseline + metrics.Descent + halo);
                if (!Contains(bounds, box) || Collides(placed, box))
                {
                    continue;
                }

                placed.Add(box);
                if (label.Style.Halo is { } haloPaint)
                {
                    canvas.DrawText(label.Text, x, baseline, SKTextAlign.Left, font, haloPaint);
                }

                canvas.DrawText(label.Text, x, baseline, SKTextAlign.Left, font, label.Style.Fill);
                break;
            }
        }

        labels.Clear();
    }

    public void Dispose()
    {
        foreach (var label in labels)
        {
            label.Line?.Dispose();
        }

        builder.Dispose();
        canvas.Dispose();
        Bitmap.Dispose();
    }

    private void PlaceAlongLine(LabelCandidate label, SKPath line, float width, SKFontMetrics metrics, float halo,
        List<SKRect> placed, List<SKRect> boxes, SKRect bounds)
    {
        using (line)
        using (var measure = new SKPathMeasure(line))
        {
            var length = measure.Length;
            if (width > length * 0.9f)
            {
                return;
            }

            // Boxes a text height apart along the part of the line the text covers stand in for its shape.
            var start = (length - width) / 2;
            var height = metrics.Descent - metrics.Ascent + 2 * halo;
            boxes.Clear();
            for (var d = start; d <= start + width + 0.01f; d += Math.Max(height / 2, 1))
            {
                if (!measure.GetPosition(Math.Min(d, length), out var p))
                {
                    return;
                }

                var box = new SKRect(p.X - height / 2, p.Y - height / 2, p.X + height / 2, p.Y + height / 2);
                if (!Contains(bounds, box) || Collides(placed, box))
                {
                    return;
                }

                boxes.Add(box);
            }

            placed.AddRange(boxes);
            // The text is drawn along the piece of line it covers, from that piece's start: SkiaSharp 4's
            // DrawTextOnPath counts a non-zero horizontal offset twice.
            using var segment = measure.GetSegment(start, Math.Min(length, start + width + 1), true);
            var offset = -(metrics.Ascent + metrics.Descent) / 2;
            if (label.Style.Halo is { } haloPaint)
            {
                canvas.DrawTextOnPath(label.Text, segment, 0, offset, SKTextAlign.Left, label.Style.Font, haloPaint);
            }

            canvas.DrawTextOnPath(label.Text, segment, 0, offset, SKTextAlign.Left, label.Style.Font, label.Style.Fill);
        }
    }

    private void CollectLabel(PixelGeometry geometry, TextRender text, Func<string, object?> property)
    {
        if (LabelText.Of(property(text.Property)) is not { } value)
        {
            return;
        }

        if (text.AlongLines && geometry.Kind == PixelGeometryKind.Line && InteriorPoint.LongestLine(geometry) is { } part)
        {
            labels.Add(new LabelCandidate(value, text, default, 0, LinePath(geometry, part), layer));
            return;
        }

        if (geometry.Kind == PixelGeometryKind.Point)
        {
            labels.Add(new LabelCandidate(value, text, geometry.Vertices[geometry.Parts[0].Start], markRadius, null, layer));
        }
        else if (Anchor() is { } at)
        {
            labels.Add(new LabelCandidate(value, text, at, 0, null, layer));
        }
    }

    // The part as a path running left to right, so the letters stand upright.
    private static SKPath LinePath(PixelGeometry geometry, PixelPart part)
    {
        var v = geometry.Vertices;
        var first = v[part.Start];
        var last = v[part.Start + part.Count - 1];
        var forward = first.X <= last.X;
        var points = new SKPoint[part.Count];
        for (var i = 0; i < part.Count; i++)
        {
            points[i] = v[forward ? part.Start + i : part.Start + part.Count - 1 - i];
        }

        using var line = new SKPathBuilder();
        line.AddPoly(points, close: false);
        return line.Detach();
    }

    private SKPoint? Anchor()
    {
        if (!anchorReady)
        {
            anchor = InteriorPoint.Of(feature!);
            anchorReady = true;
        }

        return anchor;
    }

    private SKPath Path()
    {
        if (path is null)
        {
            builder.Reset();
            builder.FillType = SKPathFillType.EvenOdd;
            feature!.AddTo(builder);
            path = builder.Detach();
        }

        return path;
    }

    private void DrawMark(MarkRender mark, SKPoint at)
    {
        canvas.Save();
        canvas.Translate(at.X, at.Y);
        if (mark.Fill is not null)
        {
            canvas.DrawPath(mark.Path, mark.Fill);
        }

        if (mark.Stroke is not null)
        {
            canvas.DrawPath(mark.Path, mark.Stroke);
        }

        canvas.Restore();
    }

    private static bool Contains(SKRect outer, SKRect inner) =>
        inner.Left >= outer.Left && inner.Top >= outer.Top && inner.Right <= outer.Right && inner.Bottom <= outer.Bottom;

    private static bool Collides(List<SKRect> placed, SKRect box)
    {
        foreach (var other in placed)
        {
            if (other.IntersectsWith(box))
            {
                return true;
            }
        }

        return false;
    }
}
