using System.Collections.Concurrent;
using Npgsql;

namespace EnvGis.Data.OpenData;

/// <summary>
/// The WKT definition of a CRS as PostGIS knows it (spatial_ref_sys.srtext, including the VN-2000
/// TM-3 zones with their datum shift that migration 0001 registers): the .prj of a Shapefile and the
/// definition in a GeoPackage's gpkg_spatial_ref_sys, so files say the same as the coordinates PostGIS wrote.
/// </summary>
public sealed class SpatialReferenceStore(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<int, string> cache = new();

    public async Task<string> WktAsync(int srid, CancellationToken ct)
    {
        if (cache.TryGetValue(srid, out var known))
        {
            return known;
        }

        await using var command = dataSource.CreateCommand("SELECT srtext FROM spatial_ref_sys WHERE srid = @srid");
        command.Parameters.AddWithValue("srid", srid);
        var wkt = await command.ExecuteScalarAsync(ct) as string
            ?? throw new InvalidOperationException($"PostGIS has no definition of SRID {srid}.");
        cache[srid] = wkt;
        return wkt;
    }
}
