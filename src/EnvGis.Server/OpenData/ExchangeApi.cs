using System.Globalization;
using System.Text.Json.Nodes;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Exchange;
using EnvGis.Data.Sql;
using EnvGis.Server.Hosting;

namespace EnvGis.Server.OpenData;

/// <summary>
/// The exchange with the Ministry (Art. 11.2, docs/open-data.md "Change feed"): connection accounts
/// (role client) and the administrator pull the changes of public data since a cursor.
/// </summary>
public static class ExchangeApi
{
    public const int DefaultLimit = 1000;

    public static void MapExchangeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/exchange/changes", ChangesAsync).WithTags("Exchange")
            .WithSummary("Inserts, updates, deletes, publications and unpublications of public data after the cursor `since` (default: the beginning), "
                         + "oldest first, each with the record as a GeoJSON feature, and the cursor to ask with next. Connection (client) accounts and the administrator.")
            .Produces<ChangeFeedResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ChangesAsync(string? layer, string? since, string? limit, HttpContext context, ChangeFeedStore feed, CatalogueProvider catalogues)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        if (ExchangeAccess.Refusal(context, "read the change feed") is { } refusal)
        {
            return refusal;
        }

        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > ChangeFeedStore.MaxLimit))
        {
            return OpenDataProblems.Invalid("invalid-limit", $"limit is a whole number from 1 to {ChangeFeedStore.MaxLimit}.", "limit");
        }

        var cursor = FeedCursor.Start;
        if (since is not null && !FeedCursor.TryParse(since, out cursor))
        {
            return OpenDataProblems.Invalid("invalid-cursor", "since is a cursor the feed gave you (two whole numbers joined by a dot, e.g. 7421.15009), or 0.0 for the beginning.", "since");
        }

        var catalogue = catalogues.Current;
        // Only public layers: the feed is the public data, whoever reads it (Art. 11.2).
        var publicLayers = catalogue.Layers.Where(l => ReadScope.Anonymous.CanSee(l)).ToList();
        if (layer is not null)
        {
            var found = publicLayers.FirstOrDefault(l => l.Name == layer);
            if (found is null)
            {
                return OpenDataProblems.Invalid("unknown-layer", $"There is no public layer '{(layer.Length > 60 ? layer[..60] + "…" : layer)}'.", "layer");
            }

            publicLayers = [found];
        }

        FeedPage page;
        try
        {
            page = await feed.ReadAsync(publicLayers.Select(l => l.Name).ToList(), cursor, count, context.RequestAborted);
        }
        catch (FeedCursorException e)
        {
            return OpenDataProblems.Invalid("cursor-from-the-future", e.Message, "since");
        }

        var byName = publicLayers.ToDictionary(l => l.Name);
        var changes = page.Changes.Select(c => new ChangeResponse(c.Position.ToString(), c.Layer, c.RecordId, c.Kind, c.At, c.Version,
            Feature(byName[c.Layer], c))).ToList();
        return Results.Ok(new ChangeFeedResponse(changes, page.Next.ToString(), page.More));
    }

    /// <summary>The record as a GeoJSON feature with only its public columns (the history keeps every column).</summary>
    private static JsonObject Feature(LayerDefinition layer, FeedChange change)
    {
        var attributes = JsonNode.Parse(change.Attributes) as JsonObject ?? [];
        var properties = new JsonObject();
        foreach (var column in PublicColumns.Of(layer))
        {
            properties[column.Name] = attributes[column.Name]?.DeepClone();
        }

        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = change.RecordId,
            ["geometry"] = JsonNode.Parse(change.Geometry),
            ["properties"] = properties,
        };
    }
}
