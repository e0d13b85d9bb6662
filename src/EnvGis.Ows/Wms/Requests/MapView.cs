using EnvGis.Data.Maps;

namespace EnvGis.Ows.Wms.Requests;

/// <summary>
/// The map's extent in its CRS (x = east, y = north, whatever order the BBOX was written in) and its
/// size in pixels; the OGC scale denominator and the pixel transform follow from them.
/// </summary>
public sealed record MapView(MapCrs Crs, double MinX, double MinY, double MaxX, double MaxY, int Width, int Height)
{
    /// <summary>The "standardized rendering pixel" of SLD/SE and WMS: 0.28 mm.</summary>
    public const double StandardPixelMetres = 0.00028;

    /// <summary>Metres per degree on the equator of the WGS 84 ellipsoid's semi-major axis, for scales of geographic maps.</summary>
    public const double MetresPerDegree = 6378137.0 * 2 * Math.PI / 360;

    /// <summary>The extent and size as the map queries (EnvGis.Data.Maps) take them.</summary>
    public MapWindow Window => new(Crs.Srid, MinX, MinY, MaxX, MaxY, Width, Height);

    public double ResolutionX => Window.ResolutionX;

    public double ResolutionY => Window.ResolutionY;

    /// <summary>The scale denominator as SLD scale ranges use it (OGC 05-078r4 §10.2, WMS 1.3.0 §7.2.4.6.9).</summary>
    public double ScaleDenominator => ResolutionX * (Crs.Geographic ? MetresPerDegree : 1) / StandardPixelMetres;

    /// <summary>Map units per pixel, the larger of the two directions.</summary>
    public double PixelSize => Window.PixelSize;

    /// <summary>The map coordinates of the centre of pixel (<paramref name="i"/>, <paramref name="j"/>).</summary>
    public (double X, double Y) ToMap(double i, double j) => (MinX + (i + 0.5) * ResolutionX, MaxY - (j + 0.5) * ResolutionY);

    /// <summary>The affine transform map → pixels: px = A·x + XOffset, py = E·y + YOffset.</summary>
    public (double A, double E, double XOffset, double YOffset) PixelTransform() => Window.PixelTransform();
}
