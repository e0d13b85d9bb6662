using System.Data;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Data.Exchange;

/// <summary>
/// The change feed of public data for connection accounts (Art. 11.2), read from the record history
/// (docs/open-data.md "Change feed"). Entries are ordered by (writing transaction, id) and only entries of
/// transactions older than the oldest one still running are read: that part of the history can no
/// longer grow, so a cursor never skips a change that commits late with a smaller id.
/// </summary>
public sealed class ChangeFeedStore(NpgsqlDataSource dataSource)
{
    public const int MaxLimit = 10_000;

    /// <summary>The changes of <paramref name="layers"/> (public layers) after <paramref name="since"/>, at most <paramref name="limit"/>.</summary>
    /// <exception cref="FeedCursorException">The cursor lies beyond anything the feed has handed out.</exception>
    public async Task<FeedPage> ReadAsync(IReadOnlyCollection<string> layers, FeedCursor since, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for the horizon and the rows: repeatable read.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        ulong horizon;
        long lastId;
        await using (var command = new NpgsqlCommand(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text, (SELECT coalesce(max(id), 0) FROM envgis.record_history)",
            connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            horizon = ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
            lastId = reader.GetInt64(1);
        }

        if (since.Transaction > horizon || since.Id > lastId)
        {
            throw new FeedCursorException($"The cursor {since} lies beyond the feed's current end; use a cursor the feed gave you.");
        }

        var changes = new List<FeedChange>();
        var more = false;
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT h.xact::text, h.id, h.layer, h.record_id, h.action, h.at, h.version, b.public, a.public,
                   CASE WHEN a.public THEN h.after_attributes ELSE h.before_attributes END::text,
                   ST_AsGeoJSON(CASE WHEN a.public THEN h.after_geom ELSE h.before_geom END, 9)
            FROM envgis.record_history AS h,
                 LATERAL (SELECT coalesce(h.before_attributes ->> 'status' = 'published'
                                          AND NOT (h.before_attributes ->> 'restricted')::boolean, false) AS public) AS b,
                 LATERAL (SELECT coalesce(h.after_attributes ->> 'status' = 'published'
                                          AND NOT (h.after_attributes ->> 'restricted')::boolean, false) AS public) AS a
            WHERE (h.xact, h.id) > (@xact::text::xid8, @id) AND h.xact < @horizon::text::xid8
              AND h.layer = ANY (@layers) AND (b.public OR a.public)
            ORDER BY h.xact, h.id
            LIMIT @limit
            """, connection, transaction))
        {
            command.CommandTimeout = (int)Features.FeatureStore.CommandTimeout.TotalSeconds;
            command.Parameters.AddWithValue("xact", since.Transaction.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("id", since.Id);
            command.Parameters.AddWithValue("horizon", horizon.ToString(CultureInfo.InvariantCulture));
            command.Parameters.Add(new NpgsqlParameter("layers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = layers.ToArray() });
            command.Parameters.AddWithValue("limit", limit + 1);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (changes.Count == limit)
                {
                    more = true;
                    break;
                }

                var position = new FeedCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
                var kind = FeedChangeKinds.Of(reader.GetString(4), reader.GetBoolean(7), reader.GetBoolean(8))!;
                changes.Add(new FeedChange(position, reader.GetString(2), reader.GetInt64(3), kind,
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero), reader.GetInt32(6),
                    reader.GetString(9), reader.IsDBNull(10) ? "null" : reader.GetString(10)));
            }
        }

        await transaction.CommitAsync(ct);
        // A full page ends at its last change; otherwise everything before the horizon has been read.
        var next = more ? changes[^1].Position : Max(since, new FeedCursor(horizon, 0));
        return new FeedPage(changes, next, more);
    }

    private static FeedCursor Max(FeedCursor a, FeedCursor b) => a.CompareTo(b) >= 0 ? a : b;
}
