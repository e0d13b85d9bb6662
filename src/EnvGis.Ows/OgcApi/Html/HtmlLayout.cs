using EnvGis.Core.Catalogue;
using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Html;

/// <summary>The frame of every open-data page: language, stylesheet (no inline style or script), header with the language switch, breadcrumbs, footer.</summary>
public static class HtmlLayout
{
    public static string Page(OgcApiContext context, string title, IReadOnlyList<(string Href, string Text)> breadcrumbs, Action<HtmlWriter> body,
        string jsonHref)
    {
        var other = context.Language == "vi" ? "en" : "vi";
        var html = new HtmlWriter();
        html.Markup("<!DOCTYPE html>").Open("html", ("lang", context.Language)).Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", title + " – " + context.Text(HtmlStrings.Site))
            .Void("link", ("rel", "stylesheet"), ("href", context.BaseUrl + "/assets/ogcapi.css"))
            .Void("link", ("rel", "alternate"), ("type", MediaTypes.Json), ("href", jsonHref))
            .Close("head").Open("body")
            .Open("header").Element("a", context.Text(HtmlStrings.Site), ("href", context.Url("", OgcApiFormat.Html)), ("class", "site"))
            .Element("a", HtmlStrings.OtherLanguage.In(context.Language), ("href", SwitchLanguage(context, other)), ("hreflang", other), ("lang", other), ("class", "language"))
            .Close("header")
            .Open("nav", ("aria-label", "breadcrumbs")).Open("ol");
        foreach (var (href, text) in breadcrumbs)
        {
            html.Open("li").Link(href, text).Close("li");
        }

        html.Close("ol").Close("nav").Open("main").Element("h1", title);
        body(html);
        html.Close("main").Open("footer")
            .Element("p", context.Text(HtmlStrings.Intro))
            .Open("p").Link(jsonHref, context.Text(HtmlStrings.AsJson), "alternate").Close("p")
            .Close("footer").Close("body").Close("html");
        return html.ToString();
    }

    /// <summary>The breadcrumbs down to the collections list.</summary>
    public static List<(string, string)> Crumbs(OgcApiContext context, bool collections = true)
    {
        var crumbs = new List<(string, string)> { (context.Url("", OgcApiFormat.Html), context.Text(HtmlStrings.Home)) };
        if (collections)
        {
            crumbs.Add((context.Url("/collections", OgcApiFormat.Html), context.Text(HtmlStrings.Collections)));
        }

        return crumbs;
    }

    /// <summary>The current page in the other language (its query kept, lang replaced).</summary>
    private static string SwitchLanguage(OgcApiContext context, string language)
    {
        var query = context.Request.Query
            .Where(p => p.Key != OgcApiContext.LanguageParameter && p.Key != Negotiation.FormatParameter)
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"));
        var parts = new[] { "f=html" }.Concat(language == "vi" ? [] : ["lang=" + language]).Concat(query);
        return context.BaseUrl + context.Request.Path.Value![OgcApiContext.Root.Length..] + "?" + string.Join('&', parts);
    }

    /// <summary>Licence, citation and attribution of a layer (Art. 3.5, 8, 9.3).</summary>
    public static void Terms(HtmlWriter html, OgcApiContext context, LayerDefinition layer)
    {
        html.Open("section", ("class", "terms"));
        if (layer.Licence is { } licence)
        {
            html.Element("h2", context.Text(HtmlStrings.Licence)).Open("p").Text(context.Text(licence));
            if (layer.LicenceUrl is { } url && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)))
            {
                html.Text(" ").Link(url, url, "license");
            }

            html.Close("p");
        }

        if (layer.Citation is { } citation)
        {
            html.Element("h2", context.Text(HtmlStrings.Citation)).Element("p", context.Text(citation));
        }

        if (layer.Attribution is { } attribution)
        {
            html.Element("h2", context.Text(HtmlStrings.Attribution)).Element("p", attribution);
        }

        html.Close("section");
    }
}
