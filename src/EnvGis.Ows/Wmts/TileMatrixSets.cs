using EnvGis.Data.Tiles;
using EnvGis.Ows.Crs;

namespace EnvGis.Ows.Wmts;

/// <summary>
/// The tile matrix sets the WMTS offers (docs/tiles.md "WMTS"): <c>WebMercatorQuad</c> (OGC's
/// well-known set, the same tiles as the vector tiles and web maps) and <c>VN2000TM3HaiPhong</c> in
/// VN-2000 / TM-3 105-45 (EPSG:9210), the CRS of former Hải Phòng's survey data, so desktop GIS users
/// working in it get tiles without reprojection.
/// </summary>
public static class TileMatrixSets
{
    public const string WebMercatorQuadId = "WebMercatorQuad";
    public const string Vn2000Id = "VN2000TM3HaiPhong";

    /// <summary>Levels 0–18: the vector tiles go to 16; images are drawn a little deeper.</summary>
    public const int WebMercatorLevels = 19;

    /// <summary>VN-2000 grid: a 400 km square around the city, 1024 m pixels at level 0 halving down to 0.25 m.</summary>
    public const int Vn2000Levels = 13;
    private const double Vn2000Left = 400_000;
    private const double Vn2000Top = 2_500_000;
    private const double Vn2000Size = 400_000;
    private const double Vn2000CentralMeridian = 105.75;

    public static TileMatrixSet WebMercatorQuad { get; } = new(
        WebMercatorQuadId,
        "Google Maps compatible (EPSG:3857)",
        CoordinateSystems.Find(3857)!,
        "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible",
        Enumerable.Range(0, WebMercatorLevels).Select(z => new TileMatrix(
            z.ToString(System.Globalization.CultureInfo.InvariantCulture), z, 2 * TileSql.World / TileMatrix.TileSize / (1L << z),
            -TileSql.World, TileSql.World, 1L << z, 1L << z)).ToList(),
        (matrix, row, column) => new TileCoordinate(matrix.Level, (int)column, (int)row).LonLatBounds(0.125));

    public static TileMatrixSet Vn2000 { get; } = new(
        Vn2000Id,
        "VN-2000 / TM-3 105-45 (EPSG:9210), Hải Phòng",
        CoordinateSystems.Find(9210)!,
        null,
        Enumerable.Range(0, Vn2000Levels).Select(level =>
        {
            var resolution = 1024.0 / (1L << level);
            var count = (long)Math.Ceiling(Vn2000Size / (TileMatrix.TileSize * resolution));
            return new TileMatrix(level.ToString(System.Globalization.CultureInfo.InvariantCulture), level, resolution,
                Vn2000Left, Vn2000Top, count, count);
        }).ToList(),
        Vn2000LonLat);

    public static IReadOnlyList<TileMatrixSet> All { get; } = [WebMercatorQuad, Vn2000];

    public static TileMatrixSet? Find(string? identifier) =>
        All.FirstOrDefault(s => string.Equals(s.Identifier, identifier, StringComparison.OrdinalIgnoreCase));

    // A lon/lat box sure to hold the tile: transverse Mercator near its central meridian is close to a
    // plain scaling, off by less than the VN-2000 datum shift and the series terms (under 0.005° over
    // the city); a margin of 0.01° plus an eighth of the tile covers both.
    private static double[] Vn2000LonLat(TileMatrix matrix, long row, long column)
    {
        var (minX, minY, maxX, maxY) = matrix.Box(row, column);
        var pad = (maxX - minX) / 8;
        var south = (minY - pad) / 110_574.0;
        var north = (maxY + pad) / 110_574.0;
        var longitudes = new[] { minX - pad, maxX + pad }
            .SelectMany(x => new[] { south, north }.Select(lat =>
                Vn2000CentralMeridian + (x - 500_000) / (111_320.0 * Math.Cos(lat * Math.PI / 180))))
            .ToList();
        return [longitudes.Min() - 0.01, south - 0.01, longitudes.Max() + 0.01, north + 0.01];
    }
}
