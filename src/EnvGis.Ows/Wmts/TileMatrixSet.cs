using EnvGis.Ows.Crs;

namespace EnvGis.Ows.Wmts;

/// <summary>
/// A WMTS tile matrix set (docs/tiles.md "WMTS"): its CRS, optional well-known scale set and levels,
/// and how to turn one of its tiles into a lon/lat box for cache invalidation.
/// </summary>
public sealed record TileMatrixSet(
    string Identifier,
    string Title,
    CoordinateSystem Crs,
    string? WellKnownScaleSet,
    IReadOnlyList<TileMatrix> Matrices,
    Func<TileMatrix, long, long, double[]> LonLatBounds)
{
    public string CrsUrn => $"urn:ogc:def:crs:EPSG::{Crs.Srid}";

    public TileMatrix? Find(string identifier) => Matrices.FirstOrDefault(m => m.Identifier == identifier);
}
