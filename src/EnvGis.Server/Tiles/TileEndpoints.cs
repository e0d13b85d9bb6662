using System.Security.Cryptography;
using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Changes;
using EnvGis.Data.Layers;
using EnvGis.Data.Sql;
using EnvGis.Data.Tiles;
using EnvGis.Ows.Tiles;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Server.Tiles;

/// <summary>Mapbox vector tiles (generalised, cached) and TileJSON per layer (docs/tiles.md).</summary>
public static class TileEndpoints
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    public static void MapTiles(this IEndpointRouteBuilder app)
    {
        var tiles = app.MapGroup("/tiles").WithTags("Tiles");
        tiles.MapGet("/{layer}/{z}/{x}/{y}.mvt", GetTile);
        tiles.MapGet("/{layer}.json", GetTileJson);
    }

    private static async Task<IResult> GetTile(string layer, string z, string x, string y, HttpContext context,
        CatalogueProvider catalogue, CachedTileStore tiles, TileSettingsStore settings, TileUrls urls, ChangeFeed feed)
    {
        var scope = context.GetReadScope();
        if (catalogue.Current.Find(layer) is not { } definition || !scope.CanSee(definition))
        {
            return UnknownLayer(layer);
        }

        if (!int.TryParse(z, out var zoom) || !long.TryParse(x, out var column) || !long.TryParse(y, out var row)
            || !TileCoordinate.TryCreate(zoom, column, row, out var tile))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid-tile", "Invalid tile coordinates",
                $"z must be an integer from 0 to {TileCoordinate.MaxZoom}, and x and y integers from 0 to 2^z - 1.");
        }

        var range = settings.Get(definition.Name);
        if (!range.Offers(zoom))
        {
            return Problem(StatusCodes.Status404NotFound, "zoom-out-of-range", "No tiles at this zoom",
                $"Layer '{definition.Name}' has tiles from zoom {range.MinZoom} to {range.MaxZoom}; clients draw deeper zooms from zoom {range.MaxZoom} (see its TileJSON).");
        }

        var current = await CurrentVersionAsync(context, definition, urls, feed);
        var (content, outcome) = await tiles.GetTileAsync(definition, tile, scope, context.RequestAborted);
        await TileResponse.WriteAsync(context, content, outcome, ContentType,
            shared: scope.IsAnonymous && !definition.Restricted, currentVersion: current);
        return Results.Empty;
    }

    private static async Task<IResult> GetTileJson(string layer, HttpContext context, CatalogueProvider catalogue,
        LayerState state, TileSettingsStore settings, TileUrls urls, IOptions<JsonOptions> json)
    {
        var scope = context.GetReadScope();
        if (catalogue.Current.Find(layer) is not { } definition || !scope.CanSee(definition))
        {
            return UnknownLayer(layer);
        }

        await state.CurrentVersionsAsync([definition], scope, context.RequestAborted);
        var bounds = await state.ExtentAsync(definition, scope, context.RequestAborted);
        var language = context.Request.Query["lang"].ToString();
        var document = TileJson.Create(definition, bounds, urls.Template(definition, scope, context.Request),
            settings.Get(definition.Name), language);

        // It changes with every edit the caller can see (the tile URLs carry the version): always revalidated.
        var body = JsonSerializer.SerializeToUtf8Bytes(document, json.Value.SerializerOptions);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('/', '_').Replace('+', '-') + "\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = scope.IsAnonymous, Private = !scope.IsAnonymous, NoCache = true };
        context.Response.Headers.Vary = "Accept-Encoding, Authorization, Cookie";
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(c => c.Compare(etag, useStrongComparison: false) || c.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, "application/json");
    }

    /// <summary>
    /// True when the request names the layer's current version for this caller (a versioned URL, so
    /// the tile may be kept as immutable). A URL newer than this node knows makes it catch up first.
    /// </summary>
    private static async Task<bool> CurrentVersionAsync(HttpContext context, LayerDefinition layer, TileUrls urls, ChangeFeed feed)
    {
        var asked = context.Request.Query[TileUrls.VersionParameter].ToString();
        if (asked.Length == 0 || !feed.Healthy)
        {
            return false;
        }

        var scope = context.GetReadScope();
        if (asked == urls.Version(layer, scope))
        {
            return true;
        }

        await feed.CatchUpSoonAsync(context.RequestAborted);
        return asked == urls.Version(layer, scope);
    }

    private static IResult UnknownLayer(string layer) => Problem(StatusCodes.Status404NotFound, "unknown-layer",
        "Unknown layer", $"There is no layer named '{layer}' that you may read.");

    private static IResult Problem(int status, string code, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
