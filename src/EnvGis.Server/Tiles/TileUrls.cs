using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Layers;
using EnvGis.Ows.Dispatch;

namespace EnvGis.Server.Tiles;

/// <summary>
/// The one place that hands out tile URLs (TileJSON, the portal's bootstrap): absolute, from the public
/// base URL, and versioned with the layer's version as the caller sees it (<c>?v=</c>), so a CDN and
/// the browser may keep a public tile for a year and every edit the caller can see gives new URLs
/// (docs/tiles.md "URLs and HTTP caching").
/// </summary>
public sealed class TileUrls(LayerState state)
{
    /// <summary>The query parameter that carries the version.</summary>
    public const string VersionParameter = "v";

    /// <summary>The XYZ template of the layer's vector tiles, e.g. <c>https://…/tiles/rivers/{z}/{x}/{y}.mvt?v=p42</c>.</summary>
    public string Template(LayerDefinition layer, ReadScope scope, HttpRequest request) =>
        $"{ServiceUrl.Base(request)}/tiles/{Uri.EscapeDataString(layer.Name)}/{{z}}/{{x}}/{{y}}.mvt?{VersionParameter}={Version(layer, scope)}";

    /// <summary>The URL of the layer's TileJSON.</summary>
    public string TileJson(LayerDefinition layer, HttpRequest request) =>
        $"{ServiceUrl.Base(request)}/tiles/{Uri.EscapeDataString(layer.Name)}.json";

    /// <summary>The version token the URLs carry.</summary>
    public string Version(LayerDefinition layer, ReadScope scope) => state.Version(layer, scope);
}
