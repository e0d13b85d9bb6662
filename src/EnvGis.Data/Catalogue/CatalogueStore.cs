using System.Text.Json;
using EnvGis.Core.Catalogue;
using Npgsql;

namespace EnvGis.Data.Catalogue;

/// <summary>Reads the layer catalogue (categories, layers, attributes) from the database.</summary>
public sealed class CatalogueStore(NpgsqlDataSource dataSource)
{
    public async Task<LayerCatalogue> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var categories = new List<Category>();
        await using (var command = new NpgsqlCommand("SELECT id, title_vi, title_en FROM catalogue.categories", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                categories.Add(new Category(reader.GetInt32(0), new LocalizedText(reader.GetString(1), reader.GetString(2))));
            }
        }

        var attributes = new Dictionary<string, List<AttributeDefinition>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT layer, name, type, required, allowed_values, label_vi, label_en, value_labels::text, measured FROM catalogue.attributes ORDER BY layer, ordinal",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var layer = reader.GetString(0);
                if (!attributes.TryGetValue(layer, out var list))
                {
                    attributes[layer] = list = [];
                }

                list.Add(new AttributeDefinition(
                    reader.GetString(1),
                    AttributeTypes.Parse(reader.GetString(2)),
                    reader.GetBoolean(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<string[]>(4),
                    new LocalizedText(reader.GetString(5), reader.GetString(6)))
                {
                    ValueLabels = reader.IsDBNull(7) ? null : ParseValueLabels(reader.GetString(7)),
                    Measured = reader.GetBoolean(8),
                });
            }
        }

        var layers = new List<LayerDefinition>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT name, title_vi, title_en, abstract_vi, abstract_en, category, geometry_type, restricted,
                   label_attribute, ordinal, attribution, licence_vi, licence_en, licence_url, citation_vi, citation_en
            FROM catalogue.layers
            """, connection))
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

        return new LayerCatalogue(categories, layers);
    }

    private static Dictionary<string, LocalizedText> ParseValueLabels(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            v => v.Name,
            v => new LocalizedText(v.Value.GetProperty("vi").GetString()!, v.Value.GetProperty("en").GetString()!),
            StringComparer.Ordinal);
    }
}
