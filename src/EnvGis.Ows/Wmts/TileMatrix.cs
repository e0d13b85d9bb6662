namespace EnvGis.Ows.Wmts;

/// <summary>One zoom level of a tile matrix set: 256-pixel tiles from the top-left corner, x to the east, y to the north.</summary>
public sealed record TileMatrix(string Identifier, int Level, double Resolution, double Left, double Top, long MatrixWidth, long MatrixHeight)
{
    public const int TileSize = 256;

    /// <summary>The OGC scale denominator (0.28 mm pixels).</summary>
    public double ScaleDenominator => Resolution / Wms.Requests.MapView.StandardPixelMetres;

    /// <summary>The tile's box in the matrix set's CRS (minx, miny, maxx, maxy).</summary>
    public (double MinX, double MinY, double MaxX, double MaxY) Box(long row, long column)
    {
        var span = TileSize * Resolution;
        return (Left + column * span, Top - (row + 1) * span, Left + (column + 1) * span, Top - row * span);
    }
}
