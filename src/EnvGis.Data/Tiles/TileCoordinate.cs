namespace EnvGis.Data.Tiles;

/// <summary>A tile in the XYZ scheme over EPSG:3857 (z 0–24, x and y within 0..2^z-1).</summary>
public readonly record struct TileCoordinate(int Z, int X, int Y)
{
    public const int MaxZoom = 24;

    public static bool TryCreate(int z, long x, long y, out TileCoordinate tile)
    {
        var size = z is >= 0 and <= MaxZoom ? 1L << z : 0;
        var valid = size > 0 && x >= 0 && x < size && y >= 0 && y < size;
        tile = valid ? new TileCoordinate(z, (int)x, (int)y) : default;
        return valid;
    }

    /// <summary>Half the size, in metres, of one unit of the 4096 tile grid: the simplification tolerance.</summary>
    public double SimplifyTolerance => 2 * Math.PI * 6378137.0 / (1L << Z) / TileSql.Extent / 2;
}
