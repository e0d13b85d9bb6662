using Npgsql;

namespace EnvGis.Data.Exchange;

/// <summary>
/// The shared category lists as versioned code tables (docs/open-data.md "Shared category lists"):
/// reading lists and versions, publishing a new version (numbered one past the current, in one
/// transaction; published versions are never changed), and deriving the first version of the lists
/// the system already holds (Article 5 categories, attribute value lists, communes, units).
/// </summary>
public sealed class CodeListStore(NpgsqlDataSource dataSource)
{
    public const int MaxItems = 10_000;

    public async Task<IReadOnlyList<CodeList>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT l.code, l.title_vi, l.title_en, l.source, coalesce(v.version, 0), v.published_at
            FROM envgis.code_lists AS l
            LEFT JOIN LATERAL (SELECT version, published_at FROM envgis.code_list_versions
                               WHERE list = l.code ORDER BY version DESC LIMIT 1) AS v ON TRUE
            ORDER BY l.code
            """);
        var lists = new List<CodeList>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lists.Add(new CodeList(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero)));
        }

        return lists;
    }

    public async Task<CodeList?> FindAsync(string code, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(l => l.Code == code);

    /// <summary>A version of a list (the current one when <paramref name="version"/> is null), or null.</summary>
    public async Task<CodeListVersion?> ReadAsync(string list, int? version, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var header = new NpgsqlCommand("""
            SELECT version, published_at, published_by, note FROM envgis.code_list_versions
            WHERE list = @list AND (@version::integer IS NULL OR version = @version)
            ORDER BY version DESC LIMIT 1
            """, connection);
        header.Parameters.AddWithValue("list", list);
        header.Parameters.AddWithValue("version", (object?)version ?? DBNull.Value);
        int number;
        DateTimeOffset at;
        string by;
        string? note;
        await using (var reader = await header.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            number = reader.GetInt32(0);
            at = new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero);
            by = reader.GetString(2);
            note = reader.IsDBNull(3) ? null : reader.GetString(3);
        }

        await using var items = new NpgsqlCommand(
            "SELECT code, label_vi, label_en, parent FROM envgis.code_list_items WHERE list = @list AND version = @version ORDER BY ordinal",
            connection);
        items.Parameters.AddWithValue("list", list);
        items.Parameters.AddWithValue("version", number);
        var result = new List<CodeListItem>();
        await using (var reader = await items.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                result.Add(new CodeListItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        return new CodeListVersion(list, number, at, by, note, result);
    }

    /// <summary>Publishes the next version of an existing list; returns its number. The items must already be checked.</summary>
    public async Task<int> PublishAsync(string list, IReadOnlyList<CodeListItem> items, string publishedBy, string? note, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var version = await PublishAsync(connection, transaction, list, items, publishedBy, note, ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    /// <summary>
    /// Publishes version 1 of every list the system already holds that has no version yet: the
    /// Article 5 categories and the attribute value lists from the catalogue, the communes and the
    /// managing units from the data. Returns the lists published.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeriveMissingAsync(CancellationToken ct)
    {
        var published = new List<string>();
        foreach (var list in (await ListAsync(ct)).Where(l => l.CurrentVersion == 0 && l.Source != "manual"))
        {
            var items = await DerivedItemsAsync(list.Code, ct);
            if (items.Count == 0)
            {
                continue;
            }

            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            // Two servers starting together: the second finds version 1 taken and leaves it.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(727040)", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(ct);
            }

            await using (var check = new NpgsqlCommand("SELECT count(*) FROM envgis.code_list_versions WHERE list = @list", connection, transaction))
            {
                check.Parameters.AddWithValue("list", list.Code);
                if ((long)(await check.ExecuteScalarAsync(ct))! > 0)
                {
                    continue;
                }
            }

            await PublishAsync(connection, transaction, list.Code, items, "system", "Derived from the data the system holds.", ct);
            await transaction.CommitAsync(ct);
            published.Add(list.Code);
        }

        return published;
    }

    private async Task<IReadOnlyList<CodeListItem>> DerivedItemsAsync(string list, CancellationToken ct)
    {
        var sql = list switch
        {
            "article5-categories" => "SELECT id::text, title_vi, title_en, NULL FROM catalogue.categories ORDER BY id",
            "communes" => """
                SELECT c.code, c.name, c.name, NULL FROM data.communes AS c
                WHERE c.status = 'published' AND NOT c.restricted ORDER BY c.code
                """,
            "units" => """
                SELECT code, name_vi, name_en, NULL FROM envgis.units
                WHERE kind IN ('department', 'city_department', 'economic_zone_authority', 'commune') ORDER BY code
                """,
            _ => """
                SELECT v.value, coalesce(a.value_labels -> v.value ->> 'vi', v.value), coalesce(a.value_labels -> v.value ->> 'en', v.value), NULL
                FROM catalogue.attributes AS a, unnest(a.allowed_values) WITH ORDINALITY AS v (value, n)
                WHERE a.layer || '.' || a.name = @list ORDER BY v.n
                """,
        };
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("list", list);
        var items = new List<CodeListItem>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new CodeListItem(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return items;
    }

    private static async Task<int> PublishAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string list,
        IReadOnlyList<CodeListItem> items, string publishedBy, string? note, CancellationToken ct)
    {
        // Lock the list's row so two publications get consecutive numbers.
        await using (var lockList = new NpgsqlCommand("SELECT code FROM envgis.code_lists WHERE code = @list FOR UPDATE", connection, transaction))
        {
            lockList.Parameters.AddWithValue("list", list);
            if (await lockList.ExecuteScalarAsync(ct) is null)
            {
                throw new InvalidOperationException($"There is no code list '{list}'.");
            }
        }

        int version;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO envgis.code_list_versions (list, version, published_by, note)
            SELECT @list, coalesce(max(version), 0) + 1, @by, @note FROM envgis.code_list_versions WHERE list = @list
            RETURNING version
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("list", list);
            insert.Parameters.AddWithValue("by", publishedBy);
            insert.Parameters.AddWithValue("note", (object?)note ?? DBNull.Value);
            version = (int)(await insert.ExecuteScalarAsync(ct))!;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY envgis.code_list_items (list, version, ordinal, code, label_vi, label_en, parent) FROM STDIN (FORMAT BINARY)", ct);
        var ordinal = 0;
        foreach (var item in items)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(list, ct);
            await copy.WriteAsync(version, ct);
            await copy.WriteAsync(++ordinal, ct);
            await copy.WriteAsync(item.Code, ct);
            await copy.WriteAsync(item.LabelVi, ct);
            await copy.WriteAsync(item.LabelEn, ct);
            if (item.Parent is null)
            {
                await copy.WriteNullAsync(ct);
            }
            else
            {
                await copy.WriteAsync(item.Parent, ct);
            }
        }

        await copy.CompleteAsync(ct);
        return version;
    }
}
