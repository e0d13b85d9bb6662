using EnvGis.Core.Catalogue;
using EnvGis.Data.Features;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Extensions;
using EnvGis.Ows.OgcApi.Html;
using EnvGis.Ows.OgcApi.Queryables;

namespace EnvGis.Ows.OgcApi.Collections;

/// <summary>
/// Builds the description of a layer's collection: its extent (of the records the caller may see) and
/// its links — self, alternate, items (GeoJSON, HTML), queryables, licence, and every link the
/// registered <see cref="IOgcApiCollectionLinks"/> add (downloads' <c>enclosure</c>, metadata's <c>describedby</c>).
/// </summary>
public sealed class CollectionDescriber(FeatureStore store, IEnumerable<IOgcApiCollectionLinks> linkProviders)
{
    public const string QueryablesRel = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    public async Task<CollectionDescription> DescribeAsync(OgcApiContext context, LayerDefinition layer)
    {
        var extent = await store.GetExtentAsync(layer, context.Scope, context.Aborted);
        var path = "/collections/" + layer.Name;
        var json = context.Format == OgcApiFormat.Json;
        var links = new List<OgcLink>
        {
            new(context.Url(path, OgcApiFormat.Json), json ? "self" : "alternate", MediaTypes.Json, "JSON"),
            new(context.Url(path, OgcApiFormat.Html), json ? "alternate" : "self", MediaTypes.Html, "HTML"),
            new(context.Url(path + "/items", OgcApiFormat.Json), "items", MediaTypes.GeoJson, context.Text(HtmlStrings.Items) + " (GeoJSON)"),
            new(context.Url(path + "/items", OgcApiFormat.Html), "items", MediaTypes.Html, context.Text(HtmlStrings.Items) + " (HTML)"),
            new(context.Url(path + "/queryables", OgcApiFormat.Json), QueryablesRel, MediaTypes.JsonSchema, context.Text(HtmlStrings.Queryables)),
            // "describedBy": relation names compare without regard to case (RFC 8288), and GDAL 3.6 looks for this spelling.
            new(context.Url(path + QueryablesHandler.SchemaPath), "describedBy", MediaTypes.JsonSchema, context.Text(HtmlStrings.Schema)),
        };
        if (layer.LicenceUrl is { } licence)
        {
            links.Add(new OgcLink(licence, "license", MediaTypes.Html, layer.Licence is null ? null : context.Text(layer.Licence)));
        }

        foreach (var provider in linkProviders)
        {
            links.AddRange(provider.Links(layer, context.BaseUrl + path, context.Scope, context.Language));
        }

        return new CollectionDescription(layer, extent, links);
    }
}
