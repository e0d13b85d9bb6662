using EnvGis.Core.Catalogue;

namespace EnvGis.Server.Tiles;

/// <summary>
/// The one place that hands out a layer's vector-tile URL templates: TileJSON and the portal's
/// bootstrap both ask here, so a change of the URL scheme (e.g. versioned URLs) reaches every client.
/// </summary>
public static class TileUrls
{
    /// <summary>The XYZ templates of <paramref name="layer"/>'s tiles under the public base URL (ServiceUrl.Base).</summary>
    public static IReadOnlyList<string> For(LayerDefinition layer, string baseUrl) =>
        [$"{baseUrl}/tiles/{layer.Name}/{{z}}/{{x}}/{{y}}.mvt"];
}
