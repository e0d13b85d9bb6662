using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Ows.Crs;
using EnvGis.Ows.Features;
using EnvGis.Ows.Rendering;

namespace EnvGis.Ows.Wms.Capabilities;

/// <summary>Everything a capabilities writer needs, prepared by the handler.</summary>
public sealed record CapabilitiesModel(
    string ServiceUrl,
    string Version,
    string Language,
    WmsOptions Options,
    IReadOnlyList<CategoryEntry> Categories)
{
    public IEnumerable<LayerEntry> Layers => Categories.SelectMany(c => c.Layers);

    /// <summary>The union of the layers' boxes in <paramref name="srid"/> (x/y), or the city's extent when there are none.</summary>
    public double[] Union(int srid)
    {
        var boxes = Layers.Select(l => l.Summary.Boxes.GetValueOrDefault(srid)).OfType<double[]>().ToList();
        return boxes.Count == 0
            ? LayerSummaries.CityExtent
            : [boxes.Min(b => b[0]), boxes.Min(b => b[1]), boxes.Max(b => b[2]), boxes.Max(b => b[3])];
    }

    public string Text(LocalizedText text) => text.In(Language);

    /// <summary>The abstract in the language asked for, then the other language's title and abstract.</summary>
    public string Abstract(LocalizedText title, LocalizedText @abstract)
    {
        var other = WmsServiceDescription.Other(Language);
        var first = @abstract.In(Language);
        var second = @abstract.In(other);
        return string.IsNullOrWhiteSpace(second) ? $"{first}\n\n{title.In(other)}" : $"{first}\n\n{title.In(other)}: {second}";
    }

    /// <summary>The URL of an operation (clients append their parameters); /ows needs SERVICE=WMS, which clients send.</summary>
    public string OperationUrl => ServiceUrl + "?";

    public string LegendUrl(LayerEntry entry) =>
        $"{ServiceUrl}?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION={Version}&FORMAT=image%2Fpng&LAYER={Uri.EscapeDataString(entry.Summary.Layer.Name)}&STYLE={Uri.EscapeDataString(entry.Style.Style.Name)}{(Language == "en" ? "&LANGUAGE=en" : "")}";

    /// <summary>A coordinate as written: 7 decimals for degrees, 2 for metres.</summary>
    public static string Number(double value, bool geographic) =>
        XsdValues.FormatDouble(Math.Round(value, geographic ? 7 : 2));

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool IsGeographic(int srid) => CoordinateSystems.Find(srid)?.Geographic ?? true;
}

/// <summary>An Article 5 category with the layers of it the caller may see.</summary>
public sealed record CategoryEntry(Category Category, IReadOnlyList<LayerEntry> Layers);

/// <summary>A layer with its data summary, its style and the size of its legend.</summary>
public sealed record LayerEntry(LayerSummary Summary, RenderStyle Style, int LegendWidth, int LegendHeight);
