using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Security;

/// <summary>Points inside communes (from data.communes) and records placed there directly in the database.</summary>
public static class TestPlaces
{
    /// <summary>A point inside the commune with <paramref name="code"/> (lon, lat).</summary>
    public static async Task<(double Lon, double Lat)> InsideAsync(this ServerFixture server, string code)
    {
        var xy = await server.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_X(p), ST_Y(p)] FROM (SELECT ST_PointOnSurface(geom) AS p FROM data.communes WHERE code = $1) AS x", code);
        return (xy[0], xy[1]);
    }

    /// <summary>Inserts an environmental incident straight into the table (as a migration would); returns its id.</summary>
    public static Task<long> InsertIncidentAsync(this ServerFixture server, string owner, string status, (double Lon, double Lat) at, string name) =>
        server.ScalarAsync<long>(
            """
            INSERT INTO data.environmental_incidents (name, incident_type, occurred_on, owner_unit, status, created_by, updated_by, geom)
            VALUES ($1, 'other', DATE '2025-03-01', $2, $3, 'test', 'test', ST_SetSRID(ST_MakePoint($4, $5), 4326))
            RETURNING id
            """, name, owner, status, at.Lon, at.Lat);

    /// <summary>A GeoJSON feature body for an environmental incident.</summary>
    public static object IncidentFeature((double Lon, double Lat) at, string name, int? version = null) => new
    {
        type = "Feature",
        geometry = new { type = "Point", coordinates = new[] { at.Lon, at.Lat } },
        properties = version is null
            ? (object)new { name, incident_type = "fish_kill", occurred_on = "2025-06-01" }
            : new { name, incident_type = "fish_kill", occurred_on = "2025-06-01", version },
    };
}
