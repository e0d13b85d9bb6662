using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Data.Features;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Html;

namespace EnvGis.Ows.OgcApi.Items;

/// <summary>
/// /collections/{layer}/items: a page of the features the caller may read that match the request's
/// bbox, datetime, CQL2 filter and property filters, streamed as GeoJSON straight from a sequential
/// reader (one row in memory at a time), or as an HTML table; numberMatched, numberReturned and
/// next/prev links; Content-Crs names the coordinates' CRS.
/// </summary>
public sealed class ItemsHandler(FeatureStore store, OgcApiOptions options)
{
    /// <summary>The most rows an HTML page shows.</summary>
    public const int MaxHtmlRows = 1000;

    private const int FlushThreshold = 64 * 1024;

    public async Task HandleAsync(OgcApiContext context, string name)
    {
        var layer = context.Layer(name);
        context.AllowParameters(ItemsRequest.Parameters, key => ItemsRequest.IsPropertyFilter(layer, key));
        var request = ItemsRequest.Parse(context.Request.Query, layer, options);
        if (context.Format == OgcApiFormat.Html && request.Limit > MaxHtmlRows)
        {
            throw OgcApiException.Invalid("limit", $"An HTML page shows at most {MaxHtmlRows} features; ask for JSON (f=json) to get more.", "limit-too-large");
        }

        var filter = ItemsFilter.Build(layer, request);
        var query = ItemsQuery.Build(layer, context.Scope, filter, request.Crs, 0, null);
        var matched = await store.CountAsync(query, context.Aborted);
        var returned = Math.Max(0, Math.Min(request.Limit, matched - request.Offset));
        var links = PageLinks.For(context, layer.Name, request, matched, returned);
        context.Response.Headers["Content-Crs"] = $"<{OgcCrs.Uri(request.Crs)}>";

        // Open the reader before the first byte is written, so that a failing query is still a problem response.
        await using var reader = await store.OpenAsync(query with { Offset = request.Offset, Limit = request.Limit }, context.Aborted);
        if (context.Format == OgcApiFormat.Html)
        {
            await OgcApiResponses.HtmlAsync(context, await PageAsync(context, layer, reader, matched, links));
            return;
        }

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = MediaTypes.GeoJson + "; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.BodyWriter, OgcApiResponses.WriterOptions);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteNumber("numberMatched", matched);
        json.WriteNumber("numberReturned", returned);
        json.WriteString("timeStamp", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        OgcApiResponses.WriteLinks(json, links);
        json.WriteStartArray("features");
        var properties = query.Columns.Count;
        while (await reader.ReadAsync(context.Aborted))
        {
            FeatureJson.Write(json, reader, properties);
            if (json.BytesPending >= FlushThreshold)
            {
                json.Flush();
                await response.BodyWriter.FlushAsync(context.Aborted);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.Aborted);
    }

    private static async Task<string> PageAsync(OgcApiContext context, LayerDefinition layer, FeatureReader reader, long matched, List<OgcLink> links)
    {
        var columns = PublicColumns.Of(layer);
        var rows = new List<(long Id, object?[] Values)>();
        while (await reader.ReadAsync(context.Aborted))
        {
            rows.Add((reader.Id, reader.Values.Take(columns.Count).ToArray()));
        }

        var crumbs = HtmlLayout.Crumbs(context);
        crumbs.Add((context.Url("/collections/" + layer.Name, OgcApiFormat.Html), context.Text(layer.Title)));
        crumbs.Add((context.Url($"/collections/{layer.Name}/items", OgcApiFormat.Html), context.Text(HtmlStrings.Items)));
        return HtmlLayout.Page(context, context.Text(layer.Title) + " – " + context.Text(HtmlStrings.Items), crumbs, html =>
        {
            html.Element("p", $"{context.Text(HtmlStrings.Matched)}: {matched}");
            if (rows.Count == 0)
            {
                html.Element("p", context.Text(HtmlStrings.NoFeatures));
            }
            else
            {
                html.Open("table").Open("thead").Open("tr").Element("th", "id");
                foreach (var column in columns)
                {
                    html.Element("th", column.Attribute is { } a ? context.Text(a.Label) : column.Name);
                }

                html.Close("tr").Close("thead").Open("tbody");
                foreach (var (id, values) in rows)
                {
                    html.Open("tr").Open("td").Link(context.Url($"/collections/{layer.Name}/items/{id}", OgcApiFormat.Html), id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Close("td");
                    for (var i = 0; i < columns.Count; i++)
                    {
                        html.Element("td", Display(context, columns[i], values[i]));
                    }

                    html.Close("tr");
                }

                html.Close("tbody").Close("table");
            }

            html.Open("p", ("class", "paging"));
            foreach (var link in links.Where(l => l.Rel is "prev" or "next"))
            {
                html.Link(link.Href, context.Text(link.Rel == "next" ? HtmlStrings.Next : HtmlStrings.Previous), link.Rel);
            }

            html.Close("p");
            HtmlLayout.Terms(html, context, layer);
        }, links.First(l => l.Type == MediaTypes.GeoJson).Href);
    }

    /// <summary>A value as people read it: allowed values by their label in the page's language.</summary>
    public static string Display(OgcApiContext context, PublicColumn column, object? value) =>
        value is null ? "" : value is string s && column.Attribute is { } a ? a.Display(s, context.Language) : Features.XsdValues.Format(value);
}
