namespace EnvGis.Core.Catalogue;

/// <summary>A text in Vietnamese (first) and English.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Vi;
}
