using System.Globalization;
using System.Xml;
using EnvGis.Ows.Features;

namespace EnvGis.Ows.Wfs.Capabilities;

/// <summary>The keywords of a feature type (its Article 5 category, both languages) and its WGS 84 bounding box.</summary>
public static class CapabilitiesKeywords
{
    /// <summary>article5:&lt;n&gt;, the category title in Vietnamese and English, and the layer name.</summary>
    public static IEnumerable<string> Of(FeatureTypeEntry entry)
    {
        yield return "article5:" + entry.Type.Layer.Category.ToString(CultureInfo.InvariantCulture);
        if (entry.Category is { } c)
        {
            yield return c.Title.Vi;
            yield return c.Title.En;
        }

        yield return entry.Type.Name;
    }

    public static void WriteWgs84BoundingBox(XmlWriter xml, string ows, double[] extent)
    {
        xml.WriteStartElement("ows", "WGS84BoundingBox", ows);
        xml.WriteElementString("ows", "LowerCorner", ows, $"{Number(extent[0])} {Number(extent[1])}");
        xml.WriteElementString("ows", "UpperCorner", ows, $"{Number(extent[2])} {Number(extent[3])}");
        xml.WriteEndElement();
    }

    private static string Number(double value) => XsdValues.FormatDouble(Math.Round(value, 9));
}
