using EnvGis.Core.Catalogue;
using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Data.Catalogue;

/// <summary>
/// Changes the catalogue while the server runs (docs/catalogue.md). Each change is one transaction on
/// the primary: the checks against the data as it is, the layer table's migration (SQL functions of
/// migration 0080, which quote every identifier and value in the database), the catalogue rows, a
/// history entry, the catalogue's version and a whole-layer entry in the tile change log (reason
/// <see cref="Reason"/>) that makes every node reload the catalogue and drop the layer's cached tiles.
/// A refusal is a <see cref="CatalogueRefusal"/> and leaves nothing changed.
/// </summary>
public sealed partial class CatalogueEditor(NpgsqlDataSource dataSource)
{
    /// <summary>The reason of the change-log entries a catalogue change writes (nodes reload on it).</summary>
    public const string Reason = "catalogue";

    private const long LockKey = 727080;

    public Task AddLayerAsync(LayerSpec layer, string user, CancellationToken ct) => ChangeAsync(async c =>
    {
        if (CatalogueNames.LayerProblem(layer.Name) is { } problem)
        {
            throw CatalogueRefusal.Invalid(problem.Code, "name", problem.Message);
        }

        CatalogueRules.Title(layer.Title, "title");
        CatalogueRules.Title(layer.Abstract, "abstract", CatalogueRules.MaxAbstract, required: false);
        for (var i = 0; i < layer.Attributes.Count; i++)
        {
            CheckNewAttribute(layer.Attributes[i], $"attributes[{i}]");
            if (layer.Attributes.Take(i).Any(a => a.Name == layer.Attributes[i].Name))
            {
                throw CatalogueRefusal.Conflict("attribute-exists", $"attributes[{i}].name", $"The layer already has an attribute '{layer.Attributes[i].Name}'.");
            }
        }

        if (layer.LabelAttribute is { Length: > 0 } label && layer.Attributes.All(a => a.Name != label))
        {
            throw CatalogueRefusal.Invalid("invalid-label-attribute", "labelAttribute", $"'{label}' is not one of the layer's attributes.");
        }

        await RefuseKeywordsAsync(c, [(layer.Name, "name"), .. layer.Attributes.Select((a, i) => (a.Name, $"attributes[{i}].name"))], ct);
        await CheckCategoryAsync(c, layer.Category, ct);
        if (await c.ScalarAsync<bool>("""
                SELECT EXISTS (SELECT 1 FROM catalogue.layers WHERE name = @name)
                    OR to_regclass(format('data.%I', @name::text)) IS NOT NULL
                    OR to_regclass(format('tile_shapes.%I', @name::text)) IS NOT NULL
                """, ct, ("name", layer.Name)))
        {
            throw CatalogueRefusal.Conflict("layer-exists", "name", $"There is already a layer (or table) named '{layer.Name}'.");
        }

        await c.ExecuteAsync("""
            INSERT INTO catalogue.layers (name, title_vi, title_en, abstract_vi, abstract_en, category, geometry_type, restricted,
                                          label_attribute, ordinal)
            VALUES (@name, @title_vi, @title_en, @abstract_vi, @abstract_en, @category, @geometry, @restricted, @label::text,
                    (SELECT coalesce(max(ordinal), 0) + 1 FROM catalogue.layers WHERE category = @category))
            """, ct, ("name", layer.Name), ("title_vi", layer.Title.Vi.Trim()), ("title_en", layer.Title.En.Trim()),
            ("abstract_vi", layer.Abstract.Vi.Trim()), ("abstract_en", layer.Abstract.En.Trim()), ("category", layer.Category),
            ("geometry", layer.GeometryKind.ToString()), ("restricted", layer.Restricted),
            ("label", string.IsNullOrEmpty(layer.LabelAttribute) ? DBNull.Value : layer.LabelAttribute));
        // The name of a removed layer continues that layer's versions, so no node takes the new changes for ones it applied.
        await c.ExecuteAsync("""
            UPDATE tiles.layer_state SET seq = x.seq, public_seq = x.seq
            FROM (SELECT max(seq) AS seq FROM tiles.changes WHERE layer = @name) AS x WHERE layer = @name AND x.seq IS NOT NULL
            """, ct, ("name", layer.Name));
        for (var i = 0; i < layer.Attributes.Count; i++)
        {
            await InsertAttributeAsync(c, layer.Name, layer.Attributes[i], layer.Attributes[i].Ordinal ?? i + 1, ct);
        }

        // The same path as the migrations' layers: columns, constraints, indexes, history and tile triggers.
        await c.ExecuteAsync("SELECT catalogue.make_layer_table(@name)", ct, ("name", layer.Name));
        await HistoryAsync(c, user, "add-layer", layer.Name, null, null, null, "catalogue.layer_json(@layer)", ct);
        await AnnounceAsync(c, [layer.Name], ct);
    }, ct);

    public Task ChangeLayerAsync(string name, LayerEdit edit, string user, CancellationToken ct) => ChangeAsync(async c =>
    {
        var (geometry, _) = await LockLayerAsync(c, name, ct);
        if (edit.Title is not null)
        {
            CatalogueRules.Title(edit.Title, "title");
        }

        CatalogueRules.Title(edit.Abstract, "abstract", CatalogueRules.MaxAbstract, required: false);
        if (edit.Category is { } category)
        {
            await CheckCategoryAsync(c, category, ct);
        }

        if (edit.LabelAttribute is { Length: > 0 } label
            && !await c.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM catalogue.attributes WHERE layer = @layer AND name = @name)", ct,
                ("layer", name), ("name", label)))
        {
            throw CatalogueRefusal.Invalid("invalid-label-attribute", "labelAttribute", $"'{label}' is not one of the layer's attributes.");
        }

        var before = await c.ScalarAsync<string>("SELECT catalogue.layer_json(@layer)::text", ct, ("layer", name));
        if (edit.GeometryKind is { } kind && kind.ToString() != geometry)
        {
            if (await HasRecordsAsync(c, name, ct))
            {
                throw CatalogueRefusal.Conflict("geometry-type-has-records", "geometryType",
                    "The layer has records: their geometries cannot become another type. Add a new layer instead.");
            }

            // An empty table is made again, the one way tables are made, for the new geometry type.
            await DropLayerTablesAsync(c, name, ct);
            await c.ExecuteAsync("UPDATE catalogue.layers SET geometry_type = @geometry WHERE name = @layer", ct,
                ("geometry", kind.ToString()), ("layer", name));
            await c.ExecuteAsync("SELECT catalogue.make_layer_table(@layer)", ct, ("layer", name));
        }

        await c.ExecuteAsync("""
            UPDATE catalogue.layers
            SET title_vi = coalesce(@title_vi::text, title_vi), title_en = coalesce(@title_en::text, title_en),
                abstract_vi = coalesce(@abstract_vi::text, abstract_vi), abstract_en = coalesce(@abstract_en::text, abstract_en),
                category = coalesce(@category::integer, category), restricted = coalesce(@restricted::boolean, restricted),
                label_attribute = CASE WHEN @label::text IS NULL THEN label_attribute ELSE nullif(@label::text, '') END,
                ordinal = coalesce(@ordinal::integer, ordinal)
            WHERE name = @layer
            """, ct, ("title_vi", Text(edit.Title?.Vi)), ("title_en", Text(edit.Title?.En)), ("abstract_vi", Text(edit.Abstract?.Vi)),
            ("abstract_en", Text(edit.Abstract?.En)), ("category", Int(edit.Category)), ("restricted", Bool(edit.Restricted)),
            ("label", Text(edit.LabelAttribute)), ("ordinal", Int(edit.Ordinal)), ("layer", name));
        await HistoryAsync(c, user, "change-layer", name, null, null, before, "catalogue.layer_json(@layer)", ct);
        await AnnounceAsync(c, [name], ct);
    }, ct);

    public Task AddAttributeAsync(string layer, AttributeSpec attribute, string user, CancellationToken ct) => ChangeAsync(async c =>
    {
        await LockLayerAsync(c, layer, ct);
        CheckNewAttribute(attribute, "");
        await RefuseKeywordsAsync(c, [(attribute.Name, "name")], ct);
        if (await c.ScalarAsync<bool>("""
                SELECT EXISTS (SELECT 1 FROM catalogue.attributes WHERE layer = @layer AND name = @name)
                    OR EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = format('data.%I', @layer::text)::regclass
                               AND attname = @name AND NOT attisdropped)
                """, ct, ("layer", layer), ("name", attribute.Name)))
        {
            throw CatalogueRefusal.Conflict("attribute-exists", "name", $"The layer already has an attribute '{attribute.Name}'.");
        }

        if (attribute.Required && attribute.Default is null && await HasRecordsAsync(c, layer, ct))
        {
            throw CatalogueRefusal.Conflict("required-needs-default", "required",
                "The layer has records: a required attribute needs a default value to give them (or add it as optional).");
        }

        await c.ExecuteAsync("SELECT catalogue.add_attribute_column(@layer, @name, @type, @required, @allowed::text[], @default::text)", ct,
            ("layer", layer), ("name", attribute.Name), ("type", attribute.Type.Name()), ("required", attribute.Required),
            ("allowed", Values(attribute.AllowedValues)),
            ("default", attribute.Default is null ? DBNull.Value : CatalogueRules.Canonical(attribute.Type, attribute.Default, "default")));
        await InsertAttributeAsync(c, layer, attribute, attribute.Ordinal
            ?? await c.ScalarAsync<int>("SELECT coalesce(max(ordinal), 0) + 1 FROM catalogue.attributes WHERE layer = @layer", ct, ("layer", layer)), ct);
        await HistoryAsync(c, user, "add-attribute", layer, attribute.Name, null, null, "catalogue.attribute_json(@layer, @attribute)", ct);
        await AnnounceAsync(c, [layer], ct);
    }, ct);

    public Task ChangeAttributeAsync(string layer, string name, AttributeEdit edit, string user, CancellationToken ct) => ChangeAsync(async c =>
    {
        await LockLayerAsync(c, layer, ct);
        var current = await FindAttributeAsync(c, layer, name, ct);
        var type = edit.Type ?? current.Type;
        var required = edit.Required ?? current.Required;
        var allowed = edit.FreeText ? null : edit.AllowedValues ?? current.AllowedValues;
        var labels = edit.ValueLabels ?? (allowed is null ? null : current.ValueLabels?.Where(l => allowed.Contains(l.Key)).ToDictionary());
        if (current.Measured && (type != current.Type || required != current.Required || !SameValues(allowed, current.AllowedValues)))
        {
            throw CatalogueRefusal.Conflict("measured-attribute", "type",
                "A measured value is written by the monitoring system: only its labels and order may change.");
        }

        if (edit.Label is not null)
        {
            CatalogueRules.Title(edit.Label, "label");
        }

        CatalogueRules.Values("", type, allowed, labels);
        var typeChanges = type != current.Type;
        if (typeChanges)
        {
            await CheckConversionAsync(c, layer, name, current.Type, type, ct);
        }

        if (required && !current.Required && await c.ScalarAsync<long>(
                $"SELECT count(*) FROM {Table(layer)} WHERE {Column(name)} IS NULL", ct) is var empty and > 0)
        {
            throw CatalogueRefusal.Conflict("required-has-empty-values", "required",
                $"{empty} records have no value for '{name}': give them one first, then make it required.");
        }

        if (allowed is not null && !SameValues(allowed, current.AllowedValues))
        {
            var outside = await c.ListAsync<string>(
                $"SELECT DISTINCT {Column(name)}::text FROM {Table(layer)} WHERE {Column(name)} IS NOT NULL AND NOT ({Column(name)}::text = ANY (@allowed)) LIMIT 5",
                ct, ("allowed", allowed.ToArray()));
            if (outside.Count > 0)
            {
                throw CatalogueRefusal.Conflict("allowed-values-in-use", "allowedValues",
                    $"Records use values that would no longer be allowed: {string.Join(", ", outside.Select(v => $"'{v}'"))}.");
            }
        }

        var before = await c.ScalarAsync<string>("SELECT catalogue.attribute_json(@layer, @attribute)::text", ct, ("layer", layer), ("attribute", name));
        if (typeChanges || required != current.Required || !SameValues(allowed, current.AllowedValues))
        {
            await c.ExecuteAsync("SAVEPOINT alter_column", ct);
            try
            {
                await c.ExecuteAsync("SELECT catalogue.alter_attribute_column(@layer, @name, @type, @required, @allowed::text[])", ct,
                    ("layer", layer), ("name", name), ("type", type.Name()), ("required", required), ("allowed", Values(allowed)));
            }
            catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState == PostgresErrorCodes.CannotCoerce)
            {
                throw CatalogueRefusal.Conflict("type-not-convertible", "type",
                    $"Not every value of '{name}' can become {type.Name()}: {e.MessageText}.");
            }
        }

        await c.ExecuteAsync("""
            UPDATE catalogue.attributes
            SET type = @type, required = @required, allowed_values = @allowed::text[], value_labels = @labels::jsonb,
                label_vi = coalesce(@label_vi::text, label_vi), label_en = coalesce(@label_en::text, label_en), ordinal = coalesce(@ordinal::integer, ordinal)
            WHERE layer = @layer AND name = @name
            """, ct, ("type", type.Name()), ("required", required), ("allowed", Values(allowed)), ("labels", LabelsJson(labels)),
            ("label_vi", Text(edit.Label?.Vi)), ("label_en", Text(edit.Label?.En)), ("ordinal", Int(edit.Ordinal)), ("layer", layer), ("name", name));
        await HistoryAsync(c, user, "change-attribute", layer, name, null, before, "catalogue.attribute_json(@layer, @attribute)", ct);
        await AnnounceAsync(c, [layer], ct);
    }, ct);

    /// <summary>Removes an attribute: its values move to catalogue.retired_values, then its column goes. Returns how many values were kept.</summary>
    public Task<long> RemoveAttributeAsync(string layer, string name, string user, CancellationToken ct) => ChangeAsync(async c =>
    {
        var (_, label) = await LockLayerAsync(c, layer, ct);
        var current = await FindAttributeAsync(c, layer, name, ct);
        if (current.Measured)
        {
            throw CatalogueRefusal.Conflict("measured-attribute", "name", "A measured value is written by the monitoring system and cannot be removed.");
        }

        if (label == name)
        {
            throw CatalogueRefusal.Conflict("label-attribute", "name", $"'{name}' names the layer's records: choose another label attribute first.");
        }

        if (await c.ScalarAsync<bool>("""
                SELECT EXISTS (SELECT 1 FROM pg_index AS i JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                               WHERE i.indrelid = format('data.%I', @layer::text)::regclass AND a.attname = @name)
                """, ct, ("layer", layer), ("name", name)))
        {
            throw CatalogueRefusal.Conflict("attribute-indexed", "name",
                $"'{name}' identifies records (it has an index the system relies on) and cannot be removed.");
        }

        var before = await c.ScalarAsync<string>("SELECT catalogue.attribute_json(@layer, @attribute)::text", ct, ("layer", layer), ("attribute", name));
        var change = await HistoryAsync(c, user, "remove-attribute", layer, name, null, before, null, ct);
        await c.ExecuteAsync("DELETE FROM catalogue.attributes WHERE layer = @layer AND name = @name", ct, ("layer", layer), ("name", name));
        var kept = await c.ScalarAsync<long>("SELECT catalogue.retire_attribute_column(@layer, @name, @change)", ct,
            ("layer", layer), ("name", name), ("change", change));
        await c.ExecuteAsync("UPDATE catalogue.history SET after = jsonb_build_object('retiredValues', @kept) WHERE id = @change", ct,
            ("kept", kept), ("change", change));
        await AnnounceAsync(c, [layer], ct);
        return kept;
    }, ct);

    public Task ChangeCategoryAsync(int id, LocalizedText title, string user, CancellationToken ct) => ChangeAsync(async c =>
    {
        CatalogueRules.Title(title, "title");
        var before = await c.ScalarAsync<string?>("SELECT to_jsonb(c)::text FROM catalogue.categories AS c WHERE id = @id FOR UPDATE", ct, ("id", id))
            ?? throw CatalogueRefusal.NotFound("unknown-category", "id", $"There is no category {id} (Article 5 has categories 1–11).");
        await c.ExecuteAsync("UPDATE catalogue.categories SET title_vi = @vi, title_en = @en WHERE id = @id", ct,
            ("vi", title.Vi.Trim()), ("en", title.En.Trim()), ("id", id));
        await HistoryAsync(c, user, "change-category", null, null, id, before,
            "(SELECT to_jsonb(c) FROM catalogue.categories AS c WHERE id = @category)", ct);
        // The titles show with every layer of the category; a category without layers still tells every node.
        var layers = await c.ListAsync<string>("SELECT name FROM catalogue.layers WHERE category = @id ORDER BY name", ct, ("id", id));
        await AnnounceAsync(c, layers.Count > 0 ? layers : await c.ListAsync<string>("SELECT name FROM catalogue.layers ORDER BY name", ct), ct);
    }, ct);

    /// <summary>The catalogue's history, newest first, of one layer or of all.</summary>
    public async Task<IReadOnlyList<CatalogueHistoryEntry>> HistoryAsync(string? layer, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, at, user_name, action, layer, attribute, category, before::text, after::text
            FROM catalogue.history WHERE @layer::text IS NULL OR layer = @layer
            ORDER BY id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("layer", NpgsqlDbType.Text, (object?)layer ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit);
        var entries = new List<CatalogueHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new CatalogueHistoryEntry(reader.GetInt64(0), reader.GetFieldValue<DateTime>(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6), Json(reader, 7), Json(reader, 8)));
        }

        return entries;
    }

    private async Task<T> ChangeAsync<T>(Func<CatalogueTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var c = new CatalogueTransaction(connection, transaction);
        try
        {
            // One catalogue change at a time; dates become instants at the city's midnight (docs/catalogue.md).
            await c.ExecuteAsync($"SET LOCAL lock_timeout = '15s'; SET LOCAL TimeZone = 'Asia/Ho_Chi_Minh'; SELECT pg_advisory_xact_lock({LockKey})", ct);
            var result = await work(c);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw CatalogueRefusal.Conflict("catalogue-busy", "",
                "The layer is being written or read by a long request; try the change again in a moment.");
        }
    }

    private Task ChangeAsync(Func<CatalogueTransaction, Task> work, CancellationToken ct) =>
        ChangeAsync(async c => { await work(c); return true; }, ct);

    private static void CheckNewAttribute(AttributeSpec attribute, string field)
    {
        var prefix = field.Length == 0 ? "" : field + ".";
        if (CatalogueNames.AttributeProblem(attribute.Name) is { } problem)
        {
            throw CatalogueRefusal.Invalid(problem.Code, prefix + "name", problem.Message);
        }

        CatalogueRules.Title(attribute.Label, prefix + "label");
        CatalogueRules.Values(field, attribute.Type, attribute.AllowedValues, attribute.ValueLabels, attribute.Default);
    }

    /// <summary>Refuses PostgreSQL's reserved words (clients that do not quote names would fail on them).</summary>
    private static async Task RefuseKeywordsAsync(CatalogueTransaction c, IReadOnlyList<(string Name, string Field)> names, CancellationToken ct)
    {
        var reserved = await c.ListAsync<string>(
            "SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T') AND word = ANY (@names)", ct, ("names", names.Select(n => n.Name).ToArray()));
        if (names.FirstOrDefault(n => reserved.Contains(n.Name)) is { Name: not null } hit)
        {
            throw CatalogueRefusal.Invalid("reserved-name", hit.Field,
                $"'{hit.Name}' is a reserved word of SQL; clients that do not quote names would fail on it. Choose another name.");
        }
    }

    private static async Task CheckCategoryAsync(CatalogueTransaction c, int category, CancellationToken ct)
    {
        if (!await c.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM catalogue.categories WHERE id = @id)", ct, ("id", category)))
        {
            throw CatalogueRefusal.Invalid("unknown-category", "category", $"There is no category {category} (Article 5 has categories 1–11).");
        }
    }

    /// <summary>Locks the layer's catalogue row for the change; its geometry type and label attribute.</summary>
    private static async Task<(string Geometry, string? Label)> LockLayerAsync(CatalogueTransaction c, string layer, CancellationToken ct)
    {
        var row = await c.ReadOneAsync("SELECT geometry_type, label_attribute FROM catalogue.layers WHERE name = @layer FOR UPDATE",
            r => Tuple.Create(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)), ct, ("layer", layer));
        return row is not null
            ? (row.Item1, row.Item2)
            : throw CatalogueRefusal.NotFound("unknown-layer", "layer", $"There is no layer '{layer}'.");
    }

    private static async Task<AttributeDefinition> FindAttributeAsync(CatalogueTransaction c, string layer, string name, CancellationToken ct) =>
        await c.ReadOneAsync("""
            SELECT name, type, required, allowed_values, label_vi, label_en, value_labels::text, measured
            FROM catalogue.attributes WHERE layer = @layer AND name = @name
            """, r => CatalogueStore.ReadAttribute(r), ct, ("layer", layer), ("name", name))
        ?? throw CatalogueRefusal.NotFound("unknown-attribute", "name", $"The layer '{layer}' has no attribute '{name}'.");

    private static async Task CheckConversionAsync(CatalogueTransaction c, string layer, string name, AttributeType from, AttributeType to,
        CancellationToken ct)
    {
        if (from == AttributeType.DateTime && to == AttributeType.Date)
        {
            throw CatalogueRefusal.Conflict("type-not-convertible", "type", "A date and time cannot become a date without losing the time.");
        }

        if (from == AttributeType.Number && to == AttributeType.Integer && await c.ScalarAsync<long>(
                $"SELECT count(*) FROM {Table(layer)} WHERE {Column(name)} <> trunc({Column(name)}) OR abs({Column(name)}) > 2147483647", ct) is var broken and > 0)
        {
            throw CatalogueRefusal.Conflict("type-not-convertible", "type",
                $"{broken} values of '{name}' are not whole numbers (or too large): they cannot become integers without loss.");
        }
    }

    private static Task<bool> HasRecordsAsync(CatalogueTransaction c, string layer, CancellationToken ct) =>
        c.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {Table(layer)})", ct);

    private static Task DropLayerTablesAsync(CatalogueTransaction c, string layer, CancellationToken ct) =>
        c.ExecuteAsync($"DROP TABLE {Table(layer)}; DROP TABLE IF EXISTS tile_shapes.{Column(layer)}; DROP TABLE IF EXISTS tile_coverage.{Column(layer)}", ct);

    private static async Task InsertAttributeAsync(CatalogueTransaction c, string layer, AttributeSpec a, int ordinal, CancellationToken ct) =>
        await c.ExecuteAsync("""
            INSERT INTO catalogue.attributes (layer, name, ordinal, type, required, allowed_values, label_vi, label_en, value_labels)
            VALUES (@layer, @name, @ordinal, @type, @required, @allowed::text[], @label_vi, @label_en, @labels::jsonb)
            """, ct, ("layer", layer), ("name", a.Name), ("ordinal", ordinal), ("type", a.Type.Name()), ("required", a.Required),
            ("allowed", Values(a.AllowedValues)), ("label_vi", a.Label.Vi.Trim()), ("label_en", a.Label.En.Trim()), ("labels", LabelsJson(a.ValueLabels)));

    /// <summary>Writes the history entry; <paramref name="afterSql"/> reads the entry as it is now (@layer, @attribute, @category).</summary>
    private static Task<long> HistoryAsync(CatalogueTransaction c, string user, string action, string? layer, string? attribute, int? category,
        string? before, string? afterSql, CancellationToken ct) =>
        c.ScalarAsync<long>($"""
            INSERT INTO catalogue.history (user_name, action, layer, attribute, category, before, after)
            VALUES (@user, @action, @layer::text, @attribute::text, @category::integer, @before::jsonb, {afterSql ?? "NULL"})
            RETURNING id
            """, ct, ("user", user), ("action", action), ("layer", Text(layer)), ("attribute", Text(attribute)), ("category", Int(category)),
            ("before", Text(before)));

    /// <summary>Moves the catalogue's version on and tells every node, through the tile change log, which layers changed.</summary>
    private static async Task AnnounceAsync(CatalogueTransaction c, IReadOnlyList<string> layers, CancellationToken ct)
    {
        await c.ExecuteAsync("SELECT catalogue.bump_version()", ct);
        await c.ExecuteAsync($"SELECT tiles.invalidate_layer(l, '{Reason}') FROM unnest(@layers) AS l", ct, ("layers", layers.ToArray()));
    }

    private static string Table(string layer) => Sql.SqlIdentifier.LayerTable(layer);

    private static string Column(string name) => Sql.SqlIdentifier.Quote(name);

    private static object Values(IReadOnlyList<string>? values) => values is null ? DBNull.Value : values.ToArray();

    private static object Text(string? text) => text is null ? DBNull.Value : text.Trim();

    private static object Int(int? value) => value is null ? DBNull.Value : value.Value;

    private static object Bool(bool? value) => value is null ? DBNull.Value : value.Value;

    private static object LabelsJson(IReadOnlyDictionary<string, LocalizedText>? labels) => labels is null
        ? DBNull.Value
        : System.Text.Json.JsonSerializer.Serialize(labels.ToDictionary(l => l.Key, l => new { vi = l.Value.Vi.Trim(), en = l.Value.En.Trim() }));

    private static bool SameValues(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);

    private static System.Text.Json.JsonElement? Json(NpgsqlDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(reader.GetString(i));
        return document.RootElement.Clone();
    }
}
