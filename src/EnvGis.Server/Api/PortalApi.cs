using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Layers;
using EnvGis.Data.Sql;
using EnvGis.Data.Tiles;
using EnvGis.Ows.Dispatch;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;
using EnvGis.Server.Styles;
using EnvGis.Server.Tiles;
using Microsoft.AspNetCore.Antiforgery;

namespace EnvGis.Server.Api;

/// <summary>
/// What the map portal needs to start: the config (attribution, base maps, home extent, citation
/// rule), and in one call (<c>/api/portal/bootstrap</c>) the config with the catalogue the caller may
/// see, every style, every layer's tile URLs and the signed-in account (docs/portal.md).
/// </summary>
public static class PortalApi
{
    public const string OsmAttribution = "© OpenStreetMap contributors";

    /// <summary>Where the portal opens: the mainland and the Cát Bà archipelago (lon/lat).</summary>
    public static readonly IReadOnlyList<double> HomeExtent = [106.12, 20.64, 107.14, 21.25];

    // Art. 3.5 of the regulation: users must cite the source of the data they use.
    private static readonly LocalizedText CitationRule = new(
        "Khi sử dụng thông tin, dữ liệu phải trích dẫn nguồn: Hệ thống thông tin môi trường thành phố Hải Phòng (Sở Nông nghiệp và Môi trường).",
        "When using this information or data, cite the source: Hải Phòng City Environmental Information System (Department of Agriculture and Environment).");

    public static void MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/portal").WithTags("Portal");
        api.MapGet("/config", (EnvGisSettings settings) => Config(settings))
            .WithSummary("Attribution, optional base maps (street map, imagery), the home extent and the citation rule.");
        api.MapGet("/bootstrap", Bootstrap)
            .WithSummary("Everything the portal needs before its first tile, in one response: config, the catalogue the caller may see, "
                         + "the styles, the tile URLs and the signed-in account (null for anonymous callers).")
            .Produces<PortalBootstrap>();
    }

    public static PortalConfig Config(EnvGisSettings settings) => new(
        OsmAttribution,
        settings.BaseMapUrl is null ? null : new BaseMap(settings.BaseMapUrl, settings.BaseMapAttribution ?? OsmAttribution),
        settings.ImageryUrl is null ? null : new BaseMap(settings.ImageryUrl, settings.ImageryAttribution ?? ""),
        new InitialView([106.63, 20.94], 10),
        HomeExtent,
        CitationRule);

    private static async Task<PortalBootstrap> Bootstrap(HttpContext context, EnvGisSettings settings, CatalogueProvider catalogue,
        StyleLibrary styles, IAntiforgery antiforgery, LayerState state, TileSettingsStore tileSettings, TileUrls urls)
    {
        var scope = context.GetReadScope();
        var caller = context.GetCaller();
        var current = catalogue.Current;
        var categories = LayerApi.Catalogue(current, scope);
        // The tile URLs carry the layers' versions as this caller sees them now (docs/tiles.md).
        await state.CurrentVersionsAsync(current.Layers.Where(scope.CanSee).ToList(), scope, context.RequestAborted);
        var layerStyles = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var tiles = new Dictionary<string, PortalTiles>(StringComparer.Ordinal);
        foreach (var layer in current.Layers.Where(scope.CanSee))
        {
            using (var document = JsonDocument.Parse(styles.JsonFor(layer)))
            {
                layerStyles[layer.Name] = document.RootElement.Clone();
            }

            var zooms = tileSettings.Get(layer.Name);
            tiles[layer.Name] = new PortalTiles([urls.Template(layer, scope, context.Request)], zooms.MinZoom, zooms.MaxZoom, layer.Attribution);
        }

        var token = caller is null ? null : antiforgery.GetAndStoreTokens(context).RequestToken;

        // The answer depends on who asks: signed-in answers are never stored; anonymous ones may be
        // revalidated but are kept apart from signed-in ones by Vary. (Set after the antiforgery
        // token, which writes its own no-cache headers.)
        context.Response.Headers.CacheControl = caller is null ? "no-cache" : "private, no-store";
        context.Response.Headers.Vary = "Authorization, Cookie";
        var sessionEnded = caller is null && context.Request.Cookies.ContainsKey(SecurityServices.SessionCookie);
        return new PortalBootstrap(
            Config(settings),
            caller is null ? null : AccountResponse.From(caller.Account, catalogue),
            token,
            sessionEnded,
            categories.Categories,
            layerStyles,
            tiles);
    }
}
