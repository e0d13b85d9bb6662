using System.Text.Json;
using EnvGis.Core.Catalogue;
using Npgsql;

namespace EnvGis.Data.Catalogue;

/// <summary>Reads the layer catalogue (categories, layers, attributes) and its version from the database.</summary>
public sealed class CatalogueStore(NpgsqlDataSource dataSource)
{
    public async Task<LayerCatalogue> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot: the entries and the version they are (docs/catalogue.md).
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        long version;
        await using (var command = new NpgsqlCommand("SELECT version FROM catalogue.version", connection, transaction))
        {
            version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var categories = new List<Category>();
        await using (var command = new NpgsqlCommand("SELECT id, title_vi, title_en FROM catalogue.categories", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                categories.Add(new Category(reader.GetInt32(0), new LocalizedText(reader.GetString(1), reader.GetString(2))));
            }
        }

        var attributes = new Dictionary<string, List<AttributeDefinition>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT layer, name, type, required, allowed_values, label_vi, label_en, value_labels::text, measured FROM catalogue.attributes ORDER BY layer, ordinal, name",
            connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var layer = reader.GetString(0);
                if (!attributes.TryGetValue(layer, out var list))
                {
                    attributes[layer] = list = [];
                }

                list.Add(ReadAttribute(reader, 1));
            }
        }

        var layers = new List<LayerDefinition>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT name, title_vi, title_en, abstract_vi, abstract_en, category, geometry_type, restricted,
                   label_attribute, ordinal, attribution, licence_vi, licence_en, licence_url, citation_vi, citation_en
            FROM catalogue.layers
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                layers.Add(new LayerDefinition(
                    name,
                    new LocalizedText(reader.GetString(1), reader.GetString(2)),
                    new LocalizedText(reader.GetString(3), reader.GetString(4)),
                    reader.GetInt32(5),
                    Enum.Parse<GeometryKind>(reader.GetString(6)),
                    reader.GetBoolean(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.GetInt32(9),
                    attributes.GetValueOrDefault(name) ?? [])
                {
                    Attribution = reader.IsDBNull(10) ? null : reader.GetString(10),
                    Licence = new LocalizedText(reader.GetString(11), reader.GetString(12)),
                    LicenceUrl = reader.IsDBNull(13) ? null : reader.GetString(13),
                    Citation = new LocalizedText(reader.GetString(14), reader.GetString(15)),
                });
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new LayerCatalogue(categories, layers) { Version = version };
    }

    /// <summary>An attribute from columns name, type, required, allowed_values, label_vi, label_en, value_labels::text, measured (from <paramref name="first"/>).</summary>
    internal static AttributeDefinition ReadAttribute(NpgsqlDataReader reader, int first) =>
        new(reader.GetString(first),
            AttributeTypes.Parse(reader.GetString(first + 1)),
            reader.GetBoolean(first + 2),
            reader.IsDBNull(first + 3) ? null : reader.GetFieldValue<string[]>(first + 3),
            new LocalizedText(reader.GetString(first + 4), reader.GetString(first + 5)))
        {
            ValueLabels = reader.IsDBNull(first + 6) ? null : ParseValueLabels(reader.GetString(first + 6)),
            Measured = reader.GetBoolean(first + 7),
        };

    internal static AttributeDefinition ReadAttribute(NpgsqlDataReader reader) => ReadAttribute(reader, 0);

    private static Dictionary<string, LocalizedText> ParseValueLabels(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            v => v.Name,
            v => new LocalizedText(v.Value.GetProperty("vi").GetString()!, v.Value.GetProperty("en").GetString()!),
            StringComparer.Ordinal);
    }
}
