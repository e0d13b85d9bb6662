using EnvGis.Core.Catalogue;
using EnvGis.Core.Security;
using EnvGis.Data.Sql;
using Npgsql;

namespace EnvGis.Data.Records;

/// <summary>
/// Search by name over the label attribute of the layers a caller may read, ignoring case and accents
/// (<c>envgis.search_fold</c>: unaccent + lower, đ/Đ included; migration 0070). The text is a
/// parameter (LIKE wildcards in it are escaped), and every layer's query carries the
/// <see cref="Visibility"/> predicate, so the public never finds unpublished or restricted records.
/// </summary>
public sealed class RecordSearch(NpgsqlDataSource dataSource)
{
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<SearchHit>> FindAsync(IEnumerable<LayerDefinition> layers, ReadScope scope, string text, int limit,
        CancellationToken ct)
    {
        var searched = layers.Where(l => l.LabelAttribute is not null && scope.CanSee(l) && l.FindAttribute(l.LabelAttribute) is not null).ToList();
        if (searched.Count == 0 || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        limit = Math.Clamp(limit, 1, MaxResults);
        var parts = searched.Select((layer, i) =>
        {
            var label = $"r.{SqlIdentifier.Quote(layer.LabelAttribute!)}::text";
            var folded = $"envgis.search_fold({label})";
            return $"""
                (SELECT @layer{i} AS layer, r.id, {label} AS label, ST_Envelope(r.geom) AS box,
                        CASE WHEN {folded} LIKE envgis.search_fold(@prefix) ESCAPE '\' THEN 0 ELSE 1 END AS rank
                 FROM {SqlIdentifier.LayerTable(layer.Name)} AS r
                 WHERE {Visibility.Predicate(scope, "r")} AND {folded} LIKE envgis.search_fold(@pattern) ESCAPE '\'
                 ORDER BY rank, {label}, r.id LIMIT @limit)
                """;
        });
        await using var command = dataSource.CreateCommand($"""
            SELECT layer, id, label, ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)
            FROM ({string.Join("\nUNION ALL\n", parts)}) AS hits
            ORDER BY rank, label, layer, id LIMIT @limit
            """);
        var escaped = text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        command.Parameters.AddWithValue("pattern", $"%{escaped}%");
        command.Parameters.AddWithValue("prefix", $"{escaped}%");
        command.Parameters.AddWithValue("limit", limit);
        for (var i = 0; i < searched.Count; i++)
        {
            command.Parameters.AddWithValue($"layer{i}", searched[i].Name);
        }

        Visibility.AddParameters(scope, command.Parameters);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6)));
        }

        return hits;
    }
}
