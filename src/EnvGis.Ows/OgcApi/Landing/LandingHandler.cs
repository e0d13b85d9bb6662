using EnvGis.Ows.OgcApi.Common;
using EnvGis.Ows.OgcApi.Extensions;
using EnvGis.Ows.OgcApi.Html;

namespace EnvGis.Ows.OgcApi.Landing;

/// <summary>The landing page (/ogcapi) and the conformance declaration (/ogcapi/conformance), JSON and HTML.</summary>
public sealed class LandingHandler(IEnumerable<IOgcApiExtension> extensions)
{
    public const string ConformanceRel = "http://www.opengis.net/def/rel/ogc/1.0/conformance";
    public const string DataRel = "http://www.opengis.net/def/rel/ogc/1.0/data";

    private static readonly IReadOnlySet<string> NoParameters = new HashSet<string>();

    /// <summary>Conformance classes of the Features part and of every registered part, without repeats.</summary>
    public IReadOnlyList<string> Conformance => ConformanceClasses.Features
        .Concat(extensions.SelectMany(e => e.ConformanceClasses)).Distinct(StringComparer.Ordinal).ToList();

    public Task LandingAsync(OgcApiContext context)
    {
        context.AllowParameters(NoParameters);
        var json = context.Format == OgcApiFormat.Json;
        var links = new List<OgcLink>
        {
            new(context.Url("", OgcApiFormat.Json), json ? "self" : "alternate", MediaTypes.Json, "JSON"),
            new(context.Url("", OgcApiFormat.Html), json ? "alternate" : "self", MediaTypes.Html, "HTML"),
            new(context.BaseUrl + "/api", "service-desc", MediaTypes.OpenApi, context.Text(HtmlStrings.ApiDefinition)),
            new(context.Url("/api", OgcApiFormat.Html), "service-doc", MediaTypes.Html, context.Text(HtmlStrings.ApiDefinition)),
            new(context.Url("/conformance", OgcApiFormat.Json), ConformanceRel, MediaTypes.Json, context.Text(HtmlStrings.Conformance)),
            new(context.Url("/conformance", OgcApiFormat.Json), "conformance", MediaTypes.Json, context.Text(HtmlStrings.Conformance)),
            new(context.Url("/collections", OgcApiFormat.Json), DataRel, MediaTypes.Json, context.Text(HtmlStrings.Collections)),
            new(context.Url("/collections", OgcApiFormat.Json), "data", MediaTypes.Json, context.Text(HtmlStrings.Collections)),
        };
        if (json)
        {
            return OgcApiResponses.JsonAsync(context, MediaTypes.Json, w =>
            {
                w.WriteStartObject();
                w.WriteString("title", context.Text(HtmlStrings.Site));
                w.WriteString("description", context.Text(HtmlStrings.Intro));
                OgcApiResponses.WriteLinks(w, links);
                w.WriteEndObject();
            });
        }

        var page = HtmlLayout.Page(context, context.Text(HtmlStrings.Site), HtmlLayout.Crumbs(context, collections: false), html =>
        {
            html.Element("p", context.Text(HtmlStrings.Intro)).Open("ul")
                .Open("li").Link(context.Url("/collections", OgcApiFormat.Html), context.Text(HtmlStrings.Collections)).Close("li")
                .Open("li").Link(context.Url("/conformance", OgcApiFormat.Html), context.Text(HtmlStrings.Conformance)).Close("li")
                .Open("li").Link(context.Url("/api", OgcApiFormat.Html), context.Text(HtmlStrings.ApiDefinition)).Close("li")
                .Close("ul");
        }, context.Url("", OgcApiFormat.Json));
        return OgcApiResponses.HtmlAsync(context, page);
    }

    public Task ConformanceAsync(OgcApiContext context)
    {
        context.AllowParameters(NoParameters);
        var classes = Conformance;
        if (context.Format == OgcApiFormat.Json)
        {
            return OgcApiResponses.JsonAsync(context, MediaTypes.Json, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("conformsTo");
                foreach (var uri in classes)
                {
                    w.WriteStringValue(uri);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        var page = HtmlLayout.Page(context, context.Text(HtmlStrings.Conformance), HtmlLayout.Crumbs(context, collections: false), html =>
        {
            html.Open("ul");
            foreach (var uri in classes)
            {
                html.Element("li", uri);
            }

            html.Close("ul");
        }, context.Url("/conformance", OgcApiFormat.Json));
        return OgcApiResponses.HtmlAsync(context, page);
    }
}
