using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EnvGis.Server.Statistics;

/// <summary>
/// Tables as a printable HTML report: every text HTML-encoded, the stylesheet (screen and print,
/// <c>GET /api/statistics/print.css</c>) linked rather than inline so the page works under a strict CSP.
/// </summary>
public static class TableHtml
{
    public const string StylesheetPath = "/api/statistics/print.css";

    /// <summary>Encodes &lt; &gt; &amp; and quotes but keeps Vietnamese letters as they are.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Write(string title, string subtitle, IReadOnlyList<ReportTable> tables)
    {
        var html = Encoder;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(html.Encode(title))
            .Append("</title>\n<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\">\n</head>\n<body>\n<header><h1>")
            .Append(html.Encode(title)).Append("</h1>\n<p class=\"subtitle\">").Append(html.Encode(subtitle)).Append("</p></header>\n");
        foreach (var table in tables)
        {
            page.Append("<section>\n<h2>").Append(html.Encode(table.Title)).Append("</h2>\n<table>\n<thead><tr>");
            foreach (var column in table.Columns)
            {
                page.Append("<th>").Append(html.Encode(column)).Append("</th>");
            }

            page.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                page.Append("<tr>");
                foreach (var value in row)
                {
                    var number = value is double or long or int;
                    page.Append(number ? "<td class=\"n\">" : "<td>").Append(html.Encode(Text(value))).Append("</td>");
                }

                page.Append("</tr>\n");
            }

            page.Append("</tbody>\n</table>\n</section>\n");
        }

        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The report's stylesheet: plain on screen; on paper A4, black on white, headings repeated, rows never split.</summary>
    public const string Stylesheet = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem; color: #111; }
        h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        .subtitle { color: #444; margin: 0 0 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; }
        th { background: #eee; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { margin: 0; font-size: 10pt; }
          thead { display: table-header-group; }
          tr, td, th { page-break-inside: avoid; break-inside: avoid; }
          section { break-inside: auto; }
          th { background: none; }
        }
        """;

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("#,##0.##", CultureInfo.InvariantCulture),
        long l => l.ToString("#,##0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
