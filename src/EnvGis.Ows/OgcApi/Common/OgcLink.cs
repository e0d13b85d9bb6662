namespace EnvGis.Ows.OgcApi.Common;

/// <summary>A link of an OGC API document (OGC API Common: href, rel, type, title, hreflang).</summary>
public sealed record OgcLink(string Href, string Rel, string? Type = null, string? Title = null)
{
    public string? HrefLang { get; init; }
}
