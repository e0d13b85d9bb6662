using EnvGis.Core.Records;
using EnvGis.Data.Records;
using EnvGis.Data.Sql;
using EnvGis.Server.Hosting;
using EnvGis.Server.Security;

namespace EnvGis.Server.Api;

/// <summary>
/// Search records by name (the label attribute of each layer the caller may read), for the map's
/// search box. Anonymous visitors find published, non-restricted records only: the same
/// <see cref="Visibility"/> rules as every read.
/// </summary>
public static class SearchApi
{
    public const int MaxQueryLength = 100;

    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).WithTags("Search")
            .WithSummary("Records whose name contains q (case-insensitive), at most 20, names starting with q first; each with its bounding box (EPSG:4326).")
            .Produces<SearchResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SearchAsync(string? q, int? limit, HttpContext context, CatalogueProvider catalogue, RecordSearch search)
    {
        var text = (q ?? "").Trim();
        if (text.Length is < 2 or > MaxQueryLength)
        {
            return RecordsApiJson.Problem(RecordException.Invalid($"Give 2 to {MaxQueryLength} characters to search for.", "q"));
        }

        if (limit < 1)
        {
            return RecordsApiJson.Problem(RecordException.Invalid($"limit must be 1 or more (at most {RecordSearch.MaxResults} results are given).", "limit"));
        }

        var hits = await search.FindAsync(catalogue.Current.Layers, context.GetReadScope(), text, limit ?? RecordSearch.MaxResults,
            context.RequestAborted);
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Ok(new SearchResponse(text, hits.Select(h => new SearchResult(
            h.Layer, h.Id, $"{h.Layer}.{h.Id}", h.Label, [h.MinX, h.MinY, h.MaxX, h.MaxY])).ToList()));
    }
}
