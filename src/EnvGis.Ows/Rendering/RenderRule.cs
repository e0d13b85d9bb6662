using EnvGis.Core.Styling;

namespace EnvGis.Ows.Rendering;

/// <summary>A style rule with its symbolizers prepared for drawing.</summary>
public sealed class RenderRule(StyleRule rule, IReadOnlyList<RenderSymbolizer> symbolizers)
{
    public StyleRule Rule { get; } = rule;

    public IReadOnlyList<RenderSymbolizer> Symbolizers { get; } = symbolizers;

    /// <summary>True when the rule only labels (legends leave such rules out).</summary>
    public bool IsTextOnly => Symbolizers.Count > 0 && Symbolizers.All(s => s is TextRender);
}
