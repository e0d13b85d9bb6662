using EnvGis.Core.Catalogue;

namespace EnvGis.Core.Styling;

/// <summary>
/// How one layer looks: read from <c>styles/&lt;layer&gt;.sld</c> and used by WMS rendering, legends and
/// the portal. Serialised with <see cref="StyleJson.Options"/> this record IS the portal's wire format
/// (<c>GET</c> of a layer's style as JSON): renaming or reshaping a property breaks the front end.
/// </summary>
public sealed record LayerStyle(
    string Layer,
    string Name,
    LocalizedText Title,
    IReadOnlyList<StyleRule> Rules)
{
    /// <summary>
    /// The rules that draw a feature, in order: the ordinary rules whose filter accepts it, or, when
    /// none does, the ElseFilter rules (SLD 1.0 §11.2). <paramref name="scaleDenominator"/> null
    /// ignores scale limits (legends).
    /// </summary>
    public IReadOnlyList<StyleRule> RulesFor(Func<string, object?> getProperty, double? scaleDenominator = null)
    {
        ArgumentNullException.ThrowIfNull(getProperty);
        var visible = Rules.Where(r => scaleDenominator is not { } s || r.AppliesAtScale(s)).ToList();
        var matched = visible.Where(r => !r.IsElse && r.Accepts(getProperty)).ToList();
        return matched.Count > 0 ? matched : visible.Where(r => r.IsElse).ToList();
    }
}
