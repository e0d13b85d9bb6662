using System.Runtime.CompilerServices;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Styling;
using EnvGis.Ows.Wms;

namespace EnvGis.Server.Styles;

/// <summary>
/// The layer styles of styles/*.sld, read once at start-up. What a style uses that the renderers do
/// not support is logged then, as are layers without a style; the portal's JSON is prepared once.
/// </summary>
public sealed class StyleLibrary
{
    private readonly Dictionary<string, (LayerStyle Style, string Json)> styles;
    private readonly ConditionalWeakTable<LayerDefinition, string> defaults = new();

    private StyleLibrary(Dictionary<string, (LayerStyle Style, string Json)> styles) => this.styles = styles;

    public static StyleLibrary Load(string directory, LayerCatalogue catalogue, ILogger logger)
    {
        var styles = new Dictionary<string, (LayerStyle, string)>(StringComparer.Ordinal);
        foreach (var layer in catalogue.Layers)
        {
            var file = Path.Combine(directory, layer.Name + ".sld");
            if (!File.Exists(file))
            {
                logger.LogWarning("Layer {Layer} has no style ({File}); maps will use a default style", layer.Name, file);
                continue;
            }

            using var stream = File.OpenRead(file);
            var result = SldReader.Read(stream, layer.Name);
            foreach (var warning in result.Warnings)
            {
                logger.LogWarning("Style not fully supported: {Warning}", warning.ToString());
            }

            styles[layer.Name] = (result.Style, StyleJson.Serialize(result.Style));
        }

        logger.LogInformation("Loaded {Count} layer styles from {Directory}", styles.Count, directory);
        return new StyleLibrary(styles);
    }

    public LayerStyle? Find(string layer) => styles.TryGetValue(layer, out var s) ? s.Style : null;

    /// <summary>The style in the portal's JSON wire format.</summary>
    public string? FindJson(string layer) => styles.TryGetValue(layer, out var s) ? s.Json : null;

    /// <summary>
    /// The layer's style for the portal: its file's, or the default by geometry type that WMS, WMTS
    /// and legends draw a layer without a file with (a layer added at run time; docs/catalogue.md).
    /// </summary>
    public string JsonFor(LayerDefinition layer) =>
        FindJson(layer.Name) ?? defaults.GetValue(layer, static l => StyleJson.Serialize(DefaultStyles.For(l)));
}
