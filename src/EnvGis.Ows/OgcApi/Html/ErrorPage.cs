using EnvGis.Ows.OgcApi.Common;

namespace EnvGis.Ows.OgcApi.Html;

/// <summary>A refusal for a browser: the status, the reason and the parameter, escaped.</summary>
public static class ErrorPage
{
    public static string Render(OgcApiException e, string language)
    {
        var html = new HtmlWriter();
        html.Markup("<!DOCTYPE html>").Open("html", ("lang", language)).Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Element("title", $"{e.Status} {OgcApiProblem.Title(e.Status)}")
            .Close("head").Open("body").Open("main")
            .Element("h1", HtmlStrings.Error.In(language))
            .Element("p", $"{e.Status} {OgcApiProblem.Title(e.Status)}: {e.Message}");
        if (e.Parameter is not null)
        {
            html.Element("p", e.Parameter, ("class", "parameter"));
        }

        return html.Close("main").Close("body").Close("html").ToString();
    }
}
