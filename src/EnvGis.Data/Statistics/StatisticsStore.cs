using System.Text;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Core.Statistics;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Statistics;

/// <summary>
/// Counts, areas and lengths of the records a caller may see (docs/operations.md "Statistics"). Every layer's part
/// reads its table through <see cref="Visibility"/>; archived (deleted) records never count. A record
/// is in the period when its validity period [valid_from, valid_to] overlaps it, open ends included
/// (the one time rule of docs/filters.md). Areas and lengths are geodesic: PostGIS geography on the
/// WGS 84 spheroid (ST_Area, ST_Length), in square metres and metres.
/// </summary>
public sealed class StatisticsStore(NpgsqlDataSource dataSource)
{
    /// <summary>The most months a month grouping may span.</summary>
    public const int MaxMonths = 120;

    public async Task<IReadOnlyList<StatisticsRow>> QueryAsync(StatisticsQuery query, CancellationToken ct)
    {
        if (query.Group == StatisticsGroup.Project)
        {
            return await ProjectsAsync(query, ct);
        }

        if (query.Layers.Count == 0)
        {
            return [];
        }

        var month = query.Group == StatisticsGroup.Month;
        var sql = new StringBuilder();
        await using var command = dataSource.CreateCommand();
        for (var i = 0; i < query.Layers.Count; i++)
        {
            var layer = query.Layers[i];
            sql.Append(i == 0 ? "" : "\nUNION ALL\n");
            command.Parameters.AddWithValue($"l{i}", layer.Name);
            var key = query.Group switch
            {
                StatisticsGroup.Status => "r.status",
                StatisticsGroup.Unit => "r.owner_unit",
                StatisticsGroup.Commune => "coalesce(r.commune_code, '')",
                StatisticsGroup.Month => "to_char(m.month, 'YYYY-MM')",
                _ => "''",
            };
            var months = month
                ? """
                   JOIN (SELECT d::date AS month, (d + interval '1 month')::date AS next
                         FROM generate_series(@from::date, @to::date, interval '1 month') AS d) AS m
                     ON (r.valid_from IS NULL OR r.valid_from < m.next) AND (r.valid_to IS NULL OR r.valid_to >= m.month)
                  """
                : "";
            var added = month
                ? "count(*) FILTER (WHERE date_trunc('month', r.created_at AT TIME ZONE INTERVAL '+07:00')::date = m.month)"
                : "NULL::bigint";
            sql.Append($"""
                SELECT @l{i}::text AS layer, {key} AS key, count(*) AS n, coalesce(sum(r.area_m2), 0) AS area_m2,
                       coalesce(sum(r.length_m), 0) AS length_m, {added} AS added
                FROM (SELECT x.status, x.owner_unit, x.commune_code, x.valid_from, x.valid_to, x.created_at,
                             {Measure(layer, "x")}
                      FROM {SqlIdentifier.LayerTable(layer.Name)} AS x
                      WHERE x.status <> '{RecordStatus.Archived}' AND {Visibility.Predicate(query.Scope, "x")}{(month ? "" : Period(query, "x"))}) AS r
                {months}
                GROUP BY 2
                """);
        }

        command.CommandText = sql.ToString();
        Visibility.AddParameters(query.Scope, command.Parameters);
        AddPeriod(query, command, month);
        var parts = new List<(string Layer, string Key, long Count, double Area, double Length, long? Added)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                parts.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5)));
            }
        }

        var layers = query.Layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
        string KeyOf((string Layer, string Key, long, double, double, long?) part) => query.Group switch
        {
            StatisticsGroup.Layer => part.Layer,
            StatisticsGroup.Category => layers[part.Layer].Category.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => part.Key,
        };

        var rows = parts.GroupBy(KeyOf, StringComparer.Ordinal)
            .Select(g => new StatisticsRow(g.Key, g.Sum(p => p.Count), g.Sum(p => p.Area), g.Sum(p => p.Length))
            {
                Added = month ? g.Sum(p => p.Added ?? 0) : null,
            })
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        if (month)
        {
            // Every month of the range has a row, empty ones included (a trend has no gaps).
            for (var m = FirstOfMonth(query.From!.Value); m <= query.To!.Value; m = m.AddMonths(1))
            {
                var key = m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                rows.TryAdd(key, new StatisticsRow(key, 0, 0, 0) { Added = 0 });
            }
        }

        return rows.Values.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Per EIA project the caller may see: the records (of layers that reference projects, see
    /// <see cref="ProjectReference"/>) that name it and that the caller may see, per layer, with the
    /// documents attached to the project and to those records.
    /// </summary>
    private async Task<IReadOnlyList<StatisticsRow>> ProjectsAsync(StatisticsQuery query, CancellationToken ct)
    {
        var projectLayer = query.Layers.FirstOrDefault(l => l.Name == ProjectReference.ProjectLayer);
        var referencing = query.Layers.Where(ProjectReference.References).ToList();
        if (projectLayer is null && referencing.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand();
        var parts = new StringBuilder();
        for (var i = 0; i < referencing.Count; i++)
        {
            var layer = referencing[i];
            command.Parameters.AddWithValue($"l{i}", layer.Name);
            parts.Append($"""
                UNION ALL
                SELECT @l{i}::text AS layer, x.id, x.{SqlIdentifier.Quote(ProjectReference.Attribute)}::bigint AS project, {Measure(layer, "x")}
                FROM {SqlIdentifier.LayerTable(layer.Name)} AS x
                WHERE x.{SqlIdentifier.Quote(ProjectReference.Attribute)} IS NOT NULL AND x.status <> '{RecordStatus.Archived}'
                  AND {Visibility.Predicate(query.Scope, "x")}{Period(query, "x")}

                """);
        }

        // The projects themselves: every one the caller may see, with or without referencing records.
        var projects = projectLayer is null
            ? "SELECT NULL::bigint AS id WHERE false"
            : $"""
               SELECT p.id FROM {SqlIdentifier.LayerTable(ProjectReference.ProjectLayer)} AS p
               WHERE p.status <> '{RecordStatus.Archived}' AND {Visibility.Predicate(query.Scope, "p")}{Period(query, "p")}
               """;
        command.CommandText = $"""
            WITH projects AS ({projects}),
            members AS (SELECT NULL::text AS layer, NULL::bigint AS id, NULL::bigint AS project, NULL::float8 AS area_m2, NULL::float8 AS length_m WHERE false
                        {parts}),
            linked AS (SELECT m.* FROM members AS m JOIN projects AS p ON p.id = m.project)
            SELECT p.id::text, l.layer, count(l.id), coalesce(sum(l.area_m2), 0), coalesce(sum(l.length_m), 0),
                   (SELECT count(*) FROM envgis.attachments AS a
                    WHERE a.deleted_at IS NULL AND ((a.layer = '{ProjectReference.ProjectLayer}' AND a.record_id = p.id)
                          OR EXISTS (SELECT 1 FROM linked AS k WHERE k.project = p.id AND k.layer = a.layer AND k.id = a.record_id)))
            FROM projects AS p LEFT JOIN linked AS l ON l.project = p.id
            GROUP BY p.id, l.layer
            """;
        Visibility.AddParameters(query.Scope, command.Parameters);
        AddPeriod(query, command, month: false);
        var parts2 = new List<(string Project, string? Layer, long Count, double Area, double Length, long Attachments)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                parts2.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetDouble(3),
                    reader.GetDouble(4), reader.GetInt64(5)));
            }
        }

        return parts2.GroupBy(p => p.Project, StringComparer.Ordinal)
            .Select(g => new StatisticsRow(g.Key, g.Sum(p => p.Count), g.Sum(p => p.Area), g.Sum(p => p.Length))
            {
                Layers = g.Where(p => p.Layer is not null).ToDictionary(p => p.Layer!, p => p.Count, StringComparer.Ordinal),
                Attachments = g.First().Attachments,
            })
            .OrderBy(r => long.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>Area (polygons) and length (lines) of each record, geodesic, in square metres and metres.</summary>
    private static string Measure(LayerDefinition layer, string alias) => layer.GeometryKind switch
    {
        GeometryKind.MultiPolygon => $"ST_Area({alias}.geom::geography, true) AS area_m2, NULL::float8 AS length_m",
        GeometryKind.MultiLineString => $"NULL::float8 AS area_m2, ST_Length({alias}.geom::geography, true) AS length_m",
        _ => "NULL::float8 AS area_m2, NULL::float8 AS length_m",
    };

    /// <summary>The validity period overlaps [from, to] (whole local days; a missing bound on either side is open).</summary>
    private static string Period(StatisticsQuery query, string alias) =>
        (query.To is null ? "" : $" AND ({alias}.valid_from IS NULL OR {alias}.valid_from <= @to)")
        + (query.From is null ? "" : $" AND ({alias}.valid_to IS NULL OR {alias}.valid_to >= @from)");

    private static void AddPeriod(StatisticsQuery query, NpgsqlCommand command, bool month)
    {
        if (query.From is { } from)
        {
            command.Parameters.AddWithValue("from", month ? FirstOfMonth(from) : from);
        }

        if (query.To is { } to)
        {
            command.Parameters.AddWithValue("to", month ? FirstOfMonth(to) : to);
        }
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Names for unit and commune keys (vi, en): unit names, and the names of the published communes.</summary>
    public async Task<IReadOnlyDictionary<string, (string Vi, string En)>> KeyLabelsAsync(StatisticsGroup group, CancellationToken ct)
    {
        var sql = group switch
        {
            StatisticsGroup.Unit => "SELECT code, name_vi, name_en FROM envgis.units",
            StatisticsGroup.Commune => $"SELECT code, name, name FROM data.communes WHERE status = '{RecordStatus.Published}' AND NOT restricted",
            _ => null,
        };
        var labels = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (sql is null)
        {
            return labels;
        }

        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            labels[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return labels;
    }
}
