using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Wms.Capabilities;

/// <summary>
/// What capabilities say about a layer's data: its lon/lat extent, its bounding box in every offered
/// CRS (x/y = east/north), and the span of its records' validity periods when any record has one.
/// </summary>
public sealed record LayerSummary(
    LayerDefinition Layer,
    double[] LonLat,
    IReadOnlyDictionary<int, double[]> Boxes,
    TimeExtent? Time);

/// <summary>The days the layer's records are valid on, as a WMS time extent with a resolution of one day.</summary>
public sealed record TimeExtent(DateOnly First, DateOnly Last)
{
    public string Extent => $"{First:yyyy-MM-dd}/{Last:yyyy-MM-dd}/P1D";

    /// <summary>The default TIME: the whole extent, i.e. every record, as when TIME is left out.</summary>
    public string Default => $"{First:yyyy-MM-dd}/{Last:yyyy-MM-dd}";
}
