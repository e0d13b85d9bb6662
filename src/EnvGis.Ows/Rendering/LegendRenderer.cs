using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// Draws a layer's legend: one row per rule, top to bottom in style order — the rule's symbol in a
/// box of <c>symbolWidth</c> × <c>symbolHeight</c> pixels (areas as a filled and outlined square,
/// lines as a stroke across it, marks in the middle) and the rule's title beside it. Rules that only
/// label are left out (styles/README.md).
/// </summary>
public sealed class LegendRenderer(IReadOnlyList<RenderRule> rules, Func<RenderRule, string> title, int symbolWidth, int symbolHeight)
{
    public const int Padding = 4;
    public const int Gap = 6;
    public const int RowSpacing = 4;
    public const float FontSize = 12;

    /// <summary>The rules that get a row.</summary>
    public IReadOnlyList<RenderRule> Rows { get; } = rules.Where(r => !r.IsTextOnly && r.Symbolizers.Count > 0).ToList();

    public int RowHeight => Math.Max(symbolHeight, (int)Math.Ceiling(FontSize * 1.4)) + RowSpacing;

    /// <summary>Top of row <paramref name="index"/>'s symbol box, in pixels.</summary>
    public int SymbolTop(int index) => Padding + index * RowHeight + (RowHeight - RowSpacing - symbolHeight) / 2;

    public (int Width, int Height) Measure()
    {
        using var font = FontLibrary.Create("normal", "normal", FontSize);
        var text = Rows.Select(r => font.MeasureText(LabelText.Of(title(r)) ?? "")).DefaultIfEmpty(0).Max();
        var width = Padding * 2 + symbolWidth + Gap + (int)Math.Ceiling(text);
        var height = Padding * 2 + Math.Max(Rows.Count, 1) * RowHeight - RowSpacing;
        return (Math.Max(width, symbolWidth + Padding * 2), Math.Max(height, symbolHeight + Padding * 2));
    }

    public SKBitmap Draw(SKColor background)
    {
        var (width, height) = Measure();
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(background);
        using var font = FontLibrary.Create("normal", "normal", FontSize);
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        var metrics = font.Metrics;
        for (var i = 0; i < Rows.Count; i++)
        {
            var top = SymbolTop(i);
            var box = new SKRect(Padding, top, Padding + symbolWidth, top + symbolHeight);
            DrawSymbol(canvas, Rows[i], box);
            var baseline = box.MidY - (metrics.Ascent + metrics.Descent) / 2;
            canvas.DrawText(LabelText.Of(title(Rows[i])) ?? "", box.Right + Gap, baseline, SKTextAlign.Left, font, ink);
        }

        return bitmap;
    }

    private static void DrawSymbol(SKCanvas canvas, RenderRule rule, SKRect box)
    {
        foreach (var symbolizer in rule.Symbolizers)
        {
            switch (symbolizer)
            {
                case AreaRender area:
                {
                    var inset = (area.Stroke?.StrokeWidth ?? 0) / 2 + 1;
                    var square = SKRect.Inflate(box, -inset, -inset);
                    if (area.Fill is not null)
                    {
                        canvas.DrawRect(square, area.Fill);
                    }

                    if (area.Stroke is not null)
                    {
                        canvas.DrawRect(square, area.Stroke);
                    }

                    break;
                }

                case LineRender line:
                {
                    canvas.DrawLine(box.Left + 1, box.MidY, box.Right - 1, box.MidY, line.Stroke);
                    break;
                }

                case MarkRender mark:
                {
                    var room = Math.Min(box.Width, box.Height) - 2;
                    var scale = mark.Size > room ? room / mark.Size : 1;
                    canvas.Save();
                    canvas.Translate(box.MidX, box.MidY);
                    canvas.Scale(scale);
                    if (mark.Fill is not null)
                    {
                        canvas.DrawPath(mark.Path, mark.Fill);
                    }

                    if (mark.Stroke is not null)
                    {
                        canvas.DrawPath(mark.Path, mark.Stroke);
                    }

                    canvas.Restore();
                    break;
                }
            }
        }
    }
}
