namespace EnvGis.Data.Tiles;

/// <summary>Z-order codes of coverage cells, as tiles.morton in SQL: x's bits at even, y's at odd positions.</summary>
public static class Morton
{
    public static long Encode(int x, int y) => Spread((uint)x) | (Spread((uint)y) << 1);

    public static (int X, int Y) Decode(long code) => ((int)Compact(code), (int)Compact(code >> 1));

    private static long Spread(uint value)
    {
        ulong x = value;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFUL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x << 2)) & 0x3333333333333333UL;
        x = (x | (x << 1)) & 0x5555555555555555UL;
        return (long)x;
    }

    private static uint Compact(long code)
    {
        var x = (ulong)code & 0x5555555555555555UL;
        x = (x | (x >> 1)) & 0x3333333333333333UL;
        x = (x | (x >> 2)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x >> 4)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x >> 8)) & 0x0000FFFF0000FFFFUL;
        x = (x | (x >> 16)) & 0x00000000FFFFFFFFUL;
        return (uint)x;
    }
}
