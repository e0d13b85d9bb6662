using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Filters;
using EnvGis.Core.Records;
using EnvGis.Data.Features;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Html;

namespace EnvGis.Ows.OgcApi.Items;

/// <summary>
/// /collections/{layer}/items/{id}: one feature the caller may read (404 otherwise), with its record
/// version as a strong <c>ETag</c> (OGC API Part 4 optimistic locking), as GeoJSON or HTML.
/// </summary>
public sealed class ItemHandler(FeatureStore store)
{
    private static readonly IReadOnlySet<string> Parameters = new HashSet<string> { "crs" };

    public async Task HandleAsync(OgcApiContext context, string name, string featureId)
    {
        var layer = context.Layer(name);
        context.AllowParameters(Parameters);
        var crs = OgcCrs.Parse(context.Request.Query["crs"].FirstOrDefault(), "crs");
        var id = ParseId(layer, featureId);
        var query = ItemsQuery.Build(layer, context.Scope, new ResourceIdNode([$"{layer.Name}.{id}"]), crs, 0, 1, withVersion: true);
        if (context.Format == OgcApiFormat.Html)
        {
            query = query with { Geometry = new GeometryOutput(GeometryEncoding.Geometry, 4326, 9) };
        }

        await using var reader = await store.OpenAsync(query, context.Aborted);
        if (!await reader.ReadAsync(context.Aborted))
        {
            throw OgcApiException.NotFound($"The collection '{layer.Name}' has no feature {id} that you may read.");
        }

        var properties = query.Columns.Count - 1;
        var version = (int)reader.Values[properties]!;
        context.Response.Headers.ETag = ETags.Of(version);
        context.Response.Headers["Content-Crs"] = $"<{OgcCrs.Uri(crs)}>";
        var path = $"/collections/{layer.Name}/items/{id}";
        var json = context.Format == OgcApiFormat.Json;
        var links = new List<OgcLink>
        {
            new(context.Url(path, OgcApiFormat.Json), json ? "self" : "alternate", MediaTypes.GeoJson, "GeoJSON"),
            new(context.Url(path, OgcApiFormat.Html), json ? "alternate" : "self", MediaTypes.Html, "HTML"),
            new(context.Url($"/collections/{layer.Name}", OgcApiFormat.Json), "collection", MediaTypes.Json),
        };
        if (json)
        {
            await OgcApiResponses.JsonAsync(context, MediaTypes.GeoJson, w => FeatureJson.Write(w, reader, properties, links));
            return;
        }

        var envelope = reader.Geometry?.EnvelopeInternal;
        var values = reader.Values.Take(properties).ToArray();
        var crumbs = HtmlLayout.Crumbs(context);
        crumbs.Add((context.Url("/collections/" + layer.Name, OgcApiFormat.Html), context.Text(layer.Title)));
        crumbs.Add((context.Url($"/collections/{layer.Name}/items", OgcApiFormat.Html), context.Text(HtmlStrings.Items)));
        var title = Title(context, layer, id, values);
        crumbs.Add((context.Url(path, OgcApiFormat.Html), title));
        var page = HtmlLayout.Page(context, title, crumbs, html =>
        {
            StaticMap.Write(html, context, layer.Name, envelope is null ? null : [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY],
                context.Text(HtmlStrings.Map) + " – " + title, withBase: true);
            html.Open("table").Open("thead").Open("tr").Element("th", context.Text(HtmlStrings.Property)).Element("th", context.Text(HtmlStrings.Value))
                .Close("tr").Close("thead").Open("tbody");
            var columns = PublicColumns.Of(layer);
            for (var i = 0; i < columns.Count; i++)
            {
                html.Open("tr").Element("th", columns[i].Attribute is { } a ? context.Text(a.Label) : columns[i].Name)
                    .Element("td", ItemsHandler.Display(context, columns[i], values[i])).Close("tr");
            }

            html.Open("tr").Element("th", context.Text(HtmlStrings.Geometry)).Element("td", reader.Geometry?.GeometryType).Close("tr");
            html.Close("tbody").Close("table");
            HtmlLayout.Terms(html, context, layer);
        }, context.Url(path, OgcApiFormat.Json));
        await OgcApiResponses.HtmlAsync(context, page);
    }

    /// <summary>The feature just written, as GeoJSON, when the caller can read it (else no body).</summary>
    public async Task WriteWrittenAsync(OgcApiContext context, LayerDefinition layer, long id, int status)
    {
        var query = ItemsQuery.Build(layer, context.Scope, new ResourceIdNode([$"{layer.Name}.{id}"]), OgcCrs.Default, 0, 1, withVersion: true);
        await using var reader = await store.OpenAsync(query, context.Aborted);
        if (!await reader.ReadAsync(context.Aborted))
        {
            return;
        }

        var links = new List<OgcLink> { new(context.Url($"/collections/{layer.Name}/items/{id}", OgcApiFormat.Json), "self", MediaTypes.GeoJson) };
        await OgcApiResponses.JsonAsync(context, MediaTypes.GeoJson, w => FeatureJson.Write(w, reader, query.Columns.Count - 1, links), status);
    }

    /// <summary>A feature id in the URL: the record id, or &lt;layer&gt;.&lt;id&gt; as WFS writes it.</summary>
    public static long ParseId(LayerDefinition layer, string featureId)
    {
        var text = featureId.StartsWith(layer.Name + ".", StringComparison.Ordinal) ? featureId[(layer.Name.Length + 1)..] : featureId;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw OgcApiException.NotFound($"The collection '{layer.Name}' has no feature '{(featureId.Length > 60 ? featureId[..60] + "…" : featureId)}'.");
    }

    private static string Title(OgcApiContext context, LayerDefinition layer, long id, object?[] values)
    {
        var columns = PublicColumns.Of(layer);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name == layer.LabelAttribute && values[i] is string label && label.Length > 0)
            {
                return label;
            }
        }

        return $"{context.Text(HtmlStrings.Item)} {id}";
    }
}
