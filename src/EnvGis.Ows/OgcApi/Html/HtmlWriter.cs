using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EnvGis.Ows.OgcApi.Html;

/// <summary>
/// Builds an HTML page where every text and attribute value is encoded (no value reaches the page
/// unescaped) and nothing is inline script or style, so a strict Content-Security-Policy holds.
/// </summary>
public sealed class HtmlWriter
{
    // Vietnamese letters stay readable; markup characters (<, >, &, quotes) are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder html = new();

    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
            }
        }

        html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        html.Append(Encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary>An element with text content.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link; <paramref name="href"/> is always an absolute http(s) URL built by the server.</summary>
    public HtmlWriter Link(string href, string text, string? rel = null) => Element("a", text, ("href", href), ("rel", rel));

    /// <summary>An element without content (img, meta, link).</summary>
    public HtmlWriter Void(string tag, params (string Name, string? Value)[] attributes)
    {
        Open(tag, attributes);
        return this;
    }

    /// <summary>Markup the code itself wrote (never request or database text).</summary>
    public HtmlWriter Markup(string markup)
    {
        html.Append(markup);
        return this;
    }

    public override string ToString() => html.ToString();
}
