namespace EnvGis.Data.Tiles;

/// <summary>A tile in the XYZ scheme over EPSG:3857 (z 0–24, x and y within 0..2^z-1).</summary>
public readonly record struct TileCoordinate(int Z, int X, int Y)
{
    public const int MaxZoom = 24;

    /// <summary>The pixels of a tile's side as clients draw it (the MVT extent is 16 units per pixel).</summary>
    public const int Pixels = 256;

    public static bool TryCreate(int z, long x, long y, out TileCoordinate tile)
    {
        var size = z is >= 0 and <= MaxZoom ? 1L << z : 0;
        var valid = size > 0 && x >= 0 && x < size && y >= 0 && y < size;
        tile = valid ? new TileCoordinate(z, (int)x, (int)y) : default;
        return valid;
    }

    /// <summary>The size of one pixel of this tile in EPSG:3857 metres (at the equator).</summary>
    public double PixelSize => 2 * TileSql.World / (1L << Z) / Pixels;

    /// <summary>
    /// The lon/lat box (minx, miny, maxx, maxy) of the tile grown by <paramref name="margin"/> of its
    /// width on each side: what a change must touch to alter this tile.
    /// </summary>
    public double[] LonLatBounds(double margin)
    {
        var size = 2 * TileSql.World / (1L << Z);
        var minX = X * size - TileSql.World - margin * size;
        var maxX = (X + 1) * size - TileSql.World + margin * size;
        var maxY = TileSql.World - Y * size + margin * size;
        var minY = TileSql.World - (Y + 1) * size - margin * size;
        return [Longitude(minX), Latitude(minY), Longitude(maxX), Latitude(maxY)];
    }

    public static double Longitude(double x) => Math.Clamp(x / TileSql.World * 180, -180, 180);

    public static double Latitude(double y) =>
        Math.Clamp(Math.Atan(Math.Sinh(Math.Clamp(y, -TileSql.World, TileSql.World) / TileSql.World * Math.PI)) * 180 / Math.PI, -90, 90);
}
