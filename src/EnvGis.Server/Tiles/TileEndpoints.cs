using System.Security.Cryptography;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Features;
using EnvGis.Data.Tiles;
using EnvGis.Data.Sql;
using EnvGis.Ows.Dispatch;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;
using Microsoft.Net.Http.Headers;

namespace EnvGis.Server.Tiles;

/// <summary>Mapbox vector tiles and TileJSON per layer.</summary>
public static class TileEndpoints
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    public static void MapTiles(this IEndpointRouteBuilder app)
    {
        var tiles = app.MapGroup("/tiles").WithTags("Tiles");
        tiles.MapGet("/{layer}/{z}/{x}/{y}.mvt", GetTile);
        tiles.MapGet("/{layer}.json", GetTileJson);
    }

    private static async Task<IResult> GetTile(
        string layer, string z, string x, string y, HttpContext context, CatalogueProvider catalogue, TileStore store)
    {
        var scope = context.GetReadScope();
        if (catalogue.Current.Find(layer) is not { } definition || !scope.CanSee(definition))
        {
            return UnknownLayer(layer);
        }

        if (!int.TryParse(z, out var zoom) || !long.TryParse(x, out var column) || !long.TryParse(y, out var row)
            || !TileCoordinate.TryCreate(zoom, column, row, out var tile))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid tile coordinates",
                detail: $"z must be an integer from 0 to {TileCoordinate.MaxZoom}, and x and y integers from 0 to 2^z - 1.");
        }

        var bytes = await store.GetTileAsync(definition, tile, scope, context.RequestAborted);
        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Public = scope.IsAnonymous, Private = !scope.IsAnonymous, NoCache = true };
        context.Response.Headers.Vary = "Authorization, Cookie";
        if (bytes.Length == 0)
        {
            return Results.NoContent();
        }

        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(bytes), 0, 18).Replace('/', '_').Replace('+', '-')}\"");
        headers.ETag = etag;
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(candidate => candidate.Compare(etag, useStrongComparison: false) || candidate == EntityTagHeaderValue.Any))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(bytes, ContentType);
    }

    private static async Task<IResult> GetTileJson(string layer, HttpContext context, CatalogueProvider catalogue, FeatureStore features)
    {
        var scope = context.GetReadScope();
        if (catalogue.Current.Find(layer) is not { } definition || !scope.CanSee(definition))
        {
            return UnknownLayer(layer);
        }

        var bounds = await features.GetExtentAsync(definition, scope, context.RequestAborted);
        var language = context.Request.Query["lang"].ToString();
        return Results.Json(TileJson.Create(definition, bounds, ServiceUrl.Base(context.Request), language));
    }

    private static IResult UnknownLayer(string layer) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown layer",
        detail: $"There is no layer named '{layer}' that you may read.");
}
