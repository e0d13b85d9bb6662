namespace EnvGis.Data.Maps;

/// <summary>
/// A map's extent in its CRS (x = east, y = north) and its size in pixels: what the map queries need
/// to select, clip, simplify and place records on the image.
/// </summary>
public sealed record MapWindow(int Srid, double MinX, double MinY, double MaxX, double MaxY, int Width, int Height)
{
    public double ResolutionX => (MaxX - MinX) / Width;

    public double ResolutionY => (MaxY - MinY) / Height;

    /// <summary>Map units per pixel, the larger of the two directions.</summary>
    public double PixelSize => Math.Max(ResolutionX, ResolutionY);

    /// <summary>The affine transform map → pixels: px = A·x + XOffset, py = E·y + YOffset.</summary>
    public (double A, double E, double XOffset, double YOffset) PixelTransform()
    {
        var a = Width / (MaxX - MinX);
        var e = -Height / (MaxY - MinY);
        return (a, e, -MinX * a, MaxY * Height / (MaxY - MinY));
    }
}
