using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Items;

/// <summary>The links of a page of items: self, alternate, collection, and next / prev keeping every other parameter.</summary>
public static class PageLinks
{
    public static List<OgcLink> For(OgcApiContext context, string layer, ItemsRequest request, long matched, long returned)
    {
        var path = $"/collections/{layer}/items";
        var links = new List<OgcLink>
        {
            new(PageUrl(context, path, request.Offset, request.Limit, OgcApiFormat.Json), context.Format == OgcApiFormat.Json ? "self" : "alternate", MediaTypes.GeoJson, "GeoJSON"),
            new(PageUrl(context, path, request.Offset, request.Limit, OgcApiFormat.Html), context.Format == OgcApiFormat.Html ? "self" : "alternate", MediaTypes.Html, "HTML"),
            new(context.Url($"/collections/{layer}", OgcApiFormat.Json), "collection", MediaTypes.Json),
        };
        var type = context.Format == OgcApiFormat.Json ? MediaTypes.GeoJson : MediaTypes.Html;
        if (returned > 0 && request.Offset + returned < matched)
        {
            links.Add(new OgcLink(PageUrl(context, path, request.Offset + request.Limit, request.Limit, context.Format), "next", type));
        }

        if (request.Offset > 0)
        {
            links.Add(new OgcLink(PageUrl(context, path, Math.Max(0, request.Offset - request.Limit), request.Limit, context.Format), "prev", type));
        }

        return links;
    }

    /// <summary>The same request with another offset (and the format and limit made explicit).</summary>
    private static string PageUrl(OgcApiContext context, string path, long offset, int limit, OgcApiFormat format)
    {
        var kept = context.Request.Query
            .Where(p => p.Key is not ("offset" or "limit" or Negotiation.FormatParameter or OgcApiContext.LanguageParameter))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"limit={limit}")
            .Append($"offset={offset}");
        return context.Url(path, format, query: string.Join('&', kept));
    }
}
