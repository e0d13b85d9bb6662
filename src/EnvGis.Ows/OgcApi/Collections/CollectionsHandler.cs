using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnvGis.Core.Catalogue;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Extensions;
using EnvGis.Ows.OgcApi.Html;

namespace EnvGis.Ows.OgcApi.Collections;

/// <summary>
/// /collections (every layer the caller may read, then the collections of the other registered parts)
/// and /collections/{layer}, JSON and HTML; a layer the caller may not read is 404.
/// </summary>
public sealed class CollectionsHandler(CollectionDescriber describer, IEnumerable<IOgcApiExtension> extensions, OgcApiOptions options)
{
    private static readonly IReadOnlySet<string> NoParameters = new HashSet<string>();

    public async Task ListAsync(OgcApiContext context)
    {
        context.AllowParameters(NoParameters);
        var collections = new List<CollectionDescription>();
        foreach (var layer in context.VisibleLayers)
        {
            collections.Add(await describer.DescribeAsync(context, layer));
        }

        var others = new List<JsonObject>();
        foreach (var extension in extensions)
        {
            others.AddRange(await extension.CollectionsAsync(context.Http, context.BaseUrl, context.Aborted));
        }

        OgcApiResponses.CacheHeaders(context.Response, context.Scope, options.PublicMaxAge);
        if (context.Format == OgcApiFormat.Json)
        {
            await OgcApiResponses.JsonAsync(context, MediaTypes.Json, w =>
            {
                w.WriteStartObject();
                OgcApiResponses.WriteLinks(w,
                [
                    new(context.Url("/collections", OgcApiFormat.Json), "self", MediaTypes.Json, "JSON"),
                    new(context.Url("/collections", OgcApiFormat.Html), "alternate", MediaTypes.Html, "HTML"),
                ]);
                w.WriteStartArray("collections");
                foreach (var collection in collections)
                {
                    CollectionJson.Write(w, context, collection);
                }

                foreach (var other in others)
                {
                    other.WriteTo(w);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }

        var page = HtmlLayout.Page(context, context.Text(HtmlStrings.Collections), HtmlLayout.Crumbs(context, collections: false), html =>
        {
            html.Open("ul", ("class", "collections"));
            foreach (var collection in collections)
            {
                var layer = collection.Layer;
                html.Open("li").Open("h2").Link(context.Url("/collections/" + layer.Name, OgcApiFormat.Html), context.Text(layer.Title)).Close("h2")
                    .Element("p", context.Text(layer.Abstract)).Close("li");
            }

            foreach (var other in others)
            {
                var id = other["id"]?.GetValue<string>() ?? "";
                html.Open("li").Open("h2").Link(context.Url("/collections/" + Uri.EscapeDataString(id), OgcApiFormat.Html), other["title"]?.GetValue<string>() ?? id)
                    .Close("h2").Element("p", other["description"]?.GetValue<string>()).Close("li");
            }

            html.Close("ul");
        }, context.Url("/collections", OgcApiFormat.Json));
        await OgcApiResponses.HtmlAsync(context, page);
    }

    public async Task OneAsync(OgcApiContext context, string name)
    {
        var layer = context.Layer(name);
        context.AllowParameters(NoParameters);
        var collection = await describer.DescribeAsync(context, layer);
        OgcApiResponses.CacheHeaders(context.Response, context.Scope, options.PublicMaxAge);
        if (context.Format == OgcApiFormat.Json)
        {
            await OgcApiResponses.JsonAsync(context, MediaTypes.Json, w => CollectionJson.Write(w, context, collection));
            return;
        }

        await OgcApiResponses.HtmlAsync(context, Page(context, collection));
    }

    private static string Page(OgcApiContext context, CollectionDescription collection)
    {
        var layer = collection.Layer;
        var crumbs = HtmlLayout.Crumbs(context);
        crumbs.Add((context.Url("/collections/" + layer.Name, OgcApiFormat.Html), context.Text(layer.Title)));
        return HtmlLayout.Page(context, context.Text(layer.Title), crumbs, html =>
        {
            html.Element("p", context.Text(layer.Abstract));
            StaticMap.Write(html, context, layer.Name, collection.Extent, context.Text(HtmlStrings.Map) + " – " + context.Text(layer.Title), withBase: true);
            html.Open("ul")
                .Open("li").Link(context.Url($"/collections/{layer.Name}/items", OgcApiFormat.Html), context.Text(HtmlStrings.Items)).Close("li")
                .Open("li").Link(context.Url($"/collections/{layer.Name}/items", OgcApiFormat.Json), context.Text(HtmlStrings.Items) + " (GeoJSON)").Close("li")
                .Open("li").Link(context.Url($"/collections/{layer.Name}/queryables", OgcApiFormat.Html), context.Text(HtmlStrings.Queryables)).Close("li");
            foreach (var link in collection.Links.Where(l => l.Rel is "enclosure" or "describedby"))
            {
                html.Open("li").Link(link.Href, link.Title ?? link.Href, link.Rel).Close("li");
            }

            html.Close("ul");
            if (collection.Extent is { } e)
            {
                html.Element("h2", context.Text(HtmlStrings.Extent))
                    .Element("p", string.Join(", ", e.Select(v => v.ToString("0.#####", CultureInfo.InvariantCulture))) + " (CRS84)");
            }

            HtmlLayout.Terms(html, context, layer);
        }, context.Url("/collections/" + layer.Name, OgcApiFormat.Json));
    }
}
