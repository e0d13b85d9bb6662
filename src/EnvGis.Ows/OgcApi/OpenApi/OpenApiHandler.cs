using System.Text.Json;
using System.Text.Json.Nodes;
using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Html;

namespace EnvGis.Ows.OgcApi.OpenApi;

/// <summary>/ogcapi/api: the OpenAPI 3.0 definition (service-desc) or, for browsers, a page listing its operations (service-doc).</summary>
public sealed class OpenApiHandler(OgcApiOptions options)
{
    private static readonly IReadOnlySet<string> NoParameters = new HashSet<string>();

    public Task HandleAsync(OgcApiContext context)
    {
        context.AllowParameters(NoParameters);
        var document = OpenApiDocument.Build(context, options);
        if (context.Format == OgcApiFormat.Json)
        {
            return OgcApiResponses.JsonAsync(context, MediaTypes.OpenApi, json => document.WriteTo(json));
        }

        var page = HtmlLayout.Page(context, context.Text(HtmlStrings.ApiDefinition), HtmlLayout.Crumbs(context, collections: false), html =>
        {
            html.Open("table").Open("thead").Open("tr").Element("th", "").Element("th", "").Element("th", "").Close("tr").Close("thead").Open("tbody");
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject().Where(o => o.Key != "parameters"))
                {
                    html.Open("tr").Element("td", method.ToUpperInvariant()).Element("td", path)
                        .Element("td", operation?["summary"]?.GetValue<string>()).Close("tr");
                }
            }

            html.Close("tbody").Close("table");
        }, context.BaseUrl + "/api");
        return OgcApiResponses.HtmlAsync(context, page);
    }
}
