using System.Globalization;
using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Features;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Maps;

/// <summary>
/// The query that feeds the renderer one layer of a map. PostGIS does the geometry work: records
/// whose box meets the view (GiST index, on the view transformed to EPSG:4326 with a margin) are
/// clipped to that box when they cross it (ST_ClipByBox2D), lightly simplified (a quarter pixel, in
/// EPSG:4326) when they must be transformed, transformed to the map CRS, simplified to half a pixel
/// there (ST_Simplify, keeping tiny shapes), moved to pixel coordinates (ST_Affine) and sent as TWKB
/// with a tenth of a pixel precision. Only the attributes the style's rules read are selected; a
/// filter (WMS TIME, from the shared filter SQL) narrows the records. Identifiers come from the
/// catalogue (quoted), every value is a parameter.
/// </summary>
public static class MapSql
{
    /// <summary>Pixels around the view that are still drawn, so outlines and marks at the edge are whole.</summary>
    public const int ClipMarginPixels = 16;

    /// <summary>Simplification tolerance in pixels, in the map's CRS.</summary>
    public const double SimplifyPixels = 0.5;

    /// <summary>Tolerance in pixels of the simplification in EPSG:4326 before transforming to another CRS.</summary>
    public const double PreSimplifyPixels = 0.25;

    /// <summary>The columns of <paramref name="layer"/> among <paramref name="properties"/>, in catalogue order.</summary>
    public static IReadOnlyList<string> Columns(LayerDefinition layer, IReadOnlySet<string> properties) =>
        PublicColumns.Of(layer).Select(c => c.Name).Where(properties.Contains).ToList();

    public static NpgsqlCommand Build(NpgsqlDataSource dataSource, LayerDefinition layer, IReadOnlyList<string> columns,
        MapWindow view, SqlCondition filter, ReadScope scope)
    {
        var command = dataSource.CreateCommand();
        var p = command.Parameters;
        var sql = new StringBuilder("WITH b AS (SELECT ");
        sql.Append(QueryBox(view, p)).Append(" AS box), q AS (SELECT box, LEAST((ST_XMax(box) - ST_XMin(box)) / @width, (ST_YMax(box) - ST_YMin(box)) / @height) AS degrees FROM b) SELECT ");
        p.AddWithValue("width", view.Width + 2 * ClipMarginPixels);
        p.AddWithValue("height", view.Height + 2 * ClipMarginPixels);
        foreach (var column in columns)
        {
            sql.Append("r.").Append(SqlIdentifier.Quote(column)).Append(", ");
        }

        var (a, e, xOffset, yOffset) = view.PixelTransform();
        p.AddWithValue("srid", view.Srid);
        p.AddWithValue("a", a);
        p.AddWithValue("e", e);
        p.AddWithValue("x_offset", xOffset);
        p.AddWithValue("y_offset", yOffset);
        const string geom = "r.geom";
        string shape;
        if (layer.GeometryKind == GeometryKind.Point)
        {
            shape = $"ST_Transform({geom}, @srid)";
        }
        else
        {
            p.AddWithValue("tolerance", view.PixelSize * SimplifyPixels);
            // Only what crosses the box edge is clipped (GEOS is the costly part); in another CRS than the
            // stored one, a first simplification to a quarter pixel lightens the transformation.
            var clipped = $"CASE WHEN {geom} @ (SELECT q.box FROM q) THEN {geom} ELSE ST_ClipByBox2D({geom}, (SELECT q.box FROM q)) END";
            var light = view.Srid == 4326 ? clipped : $"ST_Simplify({clipped}, (SELECT q.degrees FROM q) * {PreSimplifyPixels.ToString(CultureInfo.InvariantCulture)}, true)";
            shape = $"ST_Simplify(ST_Transform({light}, @srid), @tolerance, true)";
        }

        sql.Append($"ST_AsTWKB(ST_Affine({shape}, @a, 0, 0, @e, @x_offset, @y_offset), 1) AS shape");
        sql.Append(" FROM ").Append(SqlIdentifier.LayerTable(layer.Name)).Append(" AS r");
        sql.Append($" WHERE {geom} && (SELECT q.box FROM q) AND ").Append(Visibility.Predicate(scope, "r"));
        Visibility.AddParameters(scope, p);
        sql.Append(" AND (").Append(filter.Sql).Append(')');
        foreach (var parameter in filter.Parameters)
        {
            p.Add(parameter.Clone());
        }

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>
    /// SQL for the view plus its margin as an EPSG:4326 box (a densified outline transformed, then its
    /// box), the filter of the index scan and the clip box. Adds parameters x0..y1 and srid_view.
    /// </summary>
    public static string QueryBox(MapWindow view, NpgsqlParameterCollection p, double marginPixels = ClipMarginPixels)
    {
        var mx = view.ResolutionX * marginPixels;
        var my = view.ResolutionY * marginPixels;
        p.AddWithValue("x0", view.MinX - mx);
        p.AddWithValue("y0", view.MinY - my);
        p.AddWithValue("x1", view.MaxX + mx);
        p.AddWithValue("y1", view.MaxY + my);
        p.AddWithValue("srid_view", view.Srid);
        p.AddWithValue("segment", Math.Max(view.MaxX - view.MinX, view.MaxY - view.MinY) / 8);
        return "ST_SetSRID(ST_Transform(ST_Segmentize(ST_MakeEnvelope(@x0, @y0, @x1, @y1, @srid_view), @segment), 4326)::box2d::geometry, 4326)";
    }
}
