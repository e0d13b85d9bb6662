using System.Runtime.CompilerServices;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Styling;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Rendering;

namespace EnvGis.Ows.Wms;

/// <summary>
/// The style of each layer: the one from <c>styles/&lt;layer&gt;.sld</c> (through the server's style
/// library), or a plain default by geometry type for a layer without a style file. Each layer has one
/// named style, named like the layer; <c>STYLES</c> may name it, say <c>default</c>, or be empty.
/// </summary>
public sealed class WmsStyles(WmsOptions options)
{
    private readonly ConditionalWeakTable<LayerDefinition, LayerStyle> defaults = new();

    public RenderStyle For(LayerDefinition layer) =>
        RenderStyle.For(options.FindStyle(layer.Name) ?? defaults.GetValue(layer, DefaultStyles.For));

    /// <summary>The style <paramref name="requested"/> names for the layer, or StyleNotDefined.</summary>
    public RenderStyle Resolve(LayerDefinition layer, string? requested, string locator = "STYLES")
    {
        var style = For(layer);
        if (string.IsNullOrWhiteSpace(requested)
            || requested.Equals("default", StringComparison.OrdinalIgnoreCase)
            || requested.Equals(style.Style.Name, StringComparison.OrdinalIgnoreCase))
        {
            return style;
        }

        throw new OwsException(WmsExceptionCodes.StyleNotDefined,
            $"The layer '{layer.Name}' has no style '{requested}'; its style is '{style.Style.Name}'.", locator);
    }
}
