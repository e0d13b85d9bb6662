using EnvGis.Ows.Rendering;

namespace EnvGis.Ows.Wms.Legend;

/// <summary>Which rules of a style a legend shows and with what titles.</summary>
public static class LegendLayout
{
    public const int DefaultSymbolSize = 20;

    /// <param name="rule">Only this rule (RULE=), or all.</param>
    /// <param name="scale">Only the rules that apply at this scale denominator (SCALE=), or all.</param>
    public static LegendRenderer Renderer(RenderStyle style, string language, string? rule, double? scale, (int Width, int Height)? symbol)
    {
        var rules = style.Rules
            .Where(r => rule is null || r.Rule.Name == rule)
            .Where(r => scale is not { } s || r.Rule.AppliesAtScale(s))
            .ToList();
        var (width, height) = symbol ?? (DefaultSymbolSize, DefaultSymbolSize);
        return new LegendRenderer(rules, r => r.Rule.Title.In(language), width, height);
    }
}
