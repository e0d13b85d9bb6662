namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>The XYZ tile that contains a lon/lat point at a zoom level.</summary>
public static class TileMath
{
    public static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var latRad = lat * Math.PI / 180;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(latRad) + 1 / Math.Cos(latRad)) / Math.PI) / 2 * n);
        return (x, y);
    }
}
