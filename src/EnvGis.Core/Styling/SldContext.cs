using System.Xml;
using System.Xml.Linq;

namespace EnvGis.Core.Styling;

/// <summary>What the SLD readers share: the layer, the rule being read and the warnings so far.</summary>
internal sealed class SldContext(string layer)
{
    public const string SldNamespace = "http://www.opengis.net/sld";
    public const string SeNamespace = "http://www.opengis.net/se";
    public const string OgcNamespace = "http://www.opengis.net/ogc";

    public string Layer { get; } = layer;

    public List<StyleWarning> Warnings { get; } = [];

    /// <summary>Prefix of messages, e.g. "rule 'critical': ", empty outside rules.</summary>
    public string Where { get; set; } = "";

    /// <summary>An SLD (or SE, for SvgParameter and friends) element of that local name.</summary>
    public static bool Is(XElement element, string localName) =>
        element.Name.LocalName == localName
        && element.Name.NamespaceName is SldNamespace or SeNamespace;

    public static bool IsOgc(XElement element, string localName) =>
        element.Name.LocalName == localName && element.Name.NamespaceName == OgcNamespace;

    public void Warn(XObject at, string message)
    {
        var line = at is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
        Warnings.Add(new StyleWarning(Layer, line, Where + message));
    }

    /// <summary>Reports an element the model has no place for; the rest of the style is still read.</summary>
    public void Ignored(XElement element, string? consequence = null) =>
        Warn(element, $"<{element.Name.LocalName}> in <{element.Parent?.Name.LocalName}> is not supported and was ignored"
            + (consequence is null ? "" : $"; {consequence}"));
}
