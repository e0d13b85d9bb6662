using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Features;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Maps;

/// <summary>
/// The query of WMS GetFeatureInfo: the records of a layer within a radius of a map point, nearest
/// first (a polygon containing the point is at distance 0), through the visibility rules and a filter
/// (WMS TIME). Columns: id, the layer's public columns, then the geometry as asked.
/// </summary>
public static class MapHitSql
{
    public static NpgsqlCommand Build(NpgsqlDataSource dataSource, LayerDefinition layer, MapWindow search, double x, double y,
        double radius, int count, SqlCondition filter, ReadScope scope, HitGeometry geometry)
    {
        var command = dataSource.CreateCommand();
        var p = command.Parameters;
        var sql = new StringBuilder("WITH q AS (SELECT ").Append(MapSql.QueryBox(search, p, 0)).Append(" AS box) SELECT r.id");
        foreach (var column in PublicColumns.Of(layer))
        {
            sql.Append(", r.").Append(SqlIdentifier.Quote(column.Name));
        }

        const string mapGeometry = "ST_Transform(r.geom, @srid)";
        const string point = "ST_SetSRID(ST_MakePoint(@px, @py), @srid)";
        sql.Append(geometry switch
        {
            HitGeometry.GeoJson => ", ST_AsGeoJSON(r.geom, 7)",
            HitGeometry.MapCrs => $", {mapGeometry}",
            _ => "",
        });
        sql.Append(" FROM ").Append(SqlIdentifier.LayerTable(layer.Name)).Append(" AS r WHERE r.geom && (SELECT q.box FROM q)")
            .Append($" AND ST_DWithin({mapGeometry}, {point}, @radius) AND ").Append(Visibility.Predicate(scope, "r"))
            .Append(" AND (").Append(filter.Sql).Append(')');
        Visibility.AddParameters(scope, p);
        foreach (var parameter in filter.Parameters)
        {
            p.Add(parameter.Clone());
        }

        sql.Append($" ORDER BY ST_Distance({mapGeometry}, {point}), r.id LIMIT @count");
        p.AddWithValue("srid", search.Srid);
        p.AddWithValue("px", x);
        p.AddWithValue("py", y);
        p.AddWithValue("radius", radius);
        p.AddWithValue("count", count);
        command.CommandText = sql.ToString();
        return command;
    }
}
