using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;
using EnvGis.Data.Records;
using EnvGis.Data.Sql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnvGis.Data.SampleData;

/// <summary>
/// Loads sample-data/ (units.json and layers/&lt;layer&gt;.geojson) into an empty database, in one
/// transaction, once: a marker in envgis.settings records that it happened.
/// </summary>
public sealed class SampleDataLoader(NpgsqlDataSource dataSource, ILogger<SampleDataLoader> logger)
{
    public const string Marker = "sample_data_loaded";
    private const string LoaderUser = "sample-data";

    /// <summary>Loads when the database is empty and has not been loaded before; returns whether it loaded.</summary>
    public async Task<bool> LoadIfEmptyAsync(string folder, LayerCatalogue catalogue, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("LOCK TABLE envgis.settings IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        if (await AlreadyLoadedAsync(connection, transaction, ct) || await HasUnitsAsync(connection, transaction, ct))
        {
            return false;
        }

        var units = await LoadUnitsAsync(connection, transaction, Path.Combine(folder, "units.json"), ct);
        var counts = new List<string>();
        foreach (var layer in catalogue.Layers)
        {
            var file = Path.Combine(folder, "layers", layer.Name + ".geojson");
            if (File.Exists(file))
            {
                counts.Add($"{layer.Name} {await LoadLayerAsync(connection, transaction, layer, file, ct)}");
            }
        }

        foreach (var layer in catalogue.Layers.Where(l => l.Name != "communes"))
        {
            await DeriveCommunesAsync(connection, transaction, layer, ct);
        }

        await using (var mark = new NpgsqlCommand(
            "INSERT INTO envgis.settings (key, value) VALUES ($1, now()::text)", connection, transaction))
        {
            mark.Parameters.AddWithValue(Marker);
            await mark.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Loaded sample data: {Units} units; {Layers}", units, string.Join(", ", counts));
        return true;
    }

    private static async Task<bool> AlreadyLoadedAsync(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM envgis.settings WHERE key = $1", c, t);
        command.Parameters.AddWithValue(Marker);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task<bool> HasUnitsAsync(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM envgis.units)", c, t);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<int> LoadUnitsAsync(NpgsqlConnection c, NpgsqlTransaction t, string file, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file, ct));
        var count = 0;
        foreach (var unit in document.RootElement.EnumerateArray())
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO envgis.units (code, name_vi, name_en, kind, commune_code, self_approve)
                VALUES ($1, $2, $3, $4, $5, $6)
                """, c, t);
            command.Parameters.AddWithValue(unit.GetProperty("code").GetString()!);
            command.Parameters.AddWithValue(unit.GetProperty("name_vi").GetString()!);
            command.Parameters.AddWithValue(unit.GetProperty("name_en").GetString()!);
            command.Parameters.AddWithValue(unit.GetProperty("kind").GetString()!);
            command.Parameters.AddWithValue(
                unit.TryGetProperty("commune_code", out var commune) && commune.ValueKind == JsonValueKind.String
                    ? commune.GetString()! : DBNull.Value);
            command.Parameters.AddWithValue(unit.TryGetProperty("self_approve", out var self) && self.GetBoolean());
            await command.ExecuteNonQueryAsync(ct);
            count++;
        }

        return count;
    }

    private static async Task<int> LoadLayerAsync(
        NpgsqlConnection c, NpgsqlTransaction t, LayerDefinition layer, string file, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file, ct));
        var metadata = new[]
        {
            RecordMetadata.OwnerUnit, RecordMetadata.CommuneCode, RecordMetadata.Status, RecordMetadata.Restricted,
            RecordMetadata.ValidFrom, RecordMetadata.ValidTo, RecordMetadata.Source, RecordMetadata.Citation,
        };
        var columns = layer.Attributes.Select(a => a.Name).Concat(metadata).ToList();
        var values = string.Join(", ", columns.Select((_, i) => $"${i + 1}"));
        var geometry = layer.GeometryKind == GeometryKind.Point
            ? $"ST_SetSRID(ST_GeomFromGeoJSON(${columns.Count + 1}), 4326)"
            : $"ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${columns.Count + 1}), 4326))";
        var sql = $"""
            INSERT INTO {SqlIdentifier.LayerTable(layer.Name)}
                ({string.Join(", ", columns.Select(SqlIdentifier.Quote))}, created_by, updated_by, geom)
            VALUES ({values}, '{LoaderUser}', '{LoaderUser}', {geometry})
            """;

        var count = 0;
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            foreach (var property in properties.EnumerateObject())
            {
                if (!columns.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)}: unknown property '{property.Name}'.");
                }
            }

            await using var command = new NpgsqlCommand(sql, c, t);
            foreach (var attribute in layer.Attributes)
            {
                command.Parameters.Add(Parameter(AttributeValues.FromJson(attribute, Get(properties, attribute.Name))));
            }

            command.Parameters.Add(Parameter(Get(properties, RecordMetadata.OwnerUnit).GetString()));
            command.Parameters.Add(Parameter(Text(properties, RecordMetadata.CommuneCode)));
            command.Parameters.Add(Parameter(Text(properties, RecordMetadata.Status) ?? RecordStatus.Published));
            command.Parameters.Add(Parameter(Get(properties, RecordMetadata.Restricted).ValueKind == JsonValueKind.True));
            command.Parameters.Add(Parameter(Date(properties, RecordMetadata.ValidFrom)));
            command.Parameters.Add(Parameter(Date(properties, RecordMetadata.ValidTo)));
            command.Parameters.Add(Parameter(Text(properties, RecordMetadata.Source)));
            command.Parameters.Add(Parameter(Text(properties, RecordMetadata.Citation)));
            command.Parameters.Add(Parameter(feature.GetProperty("geometry").GetRawText()));
            await command.ExecuteNonQueryAsync(ct);
            count++;
        }

        return count;
    }

    /// <summary>Records loaded without a commune get the commune that contains a point on their geometry.</summary>
    private static async Task DeriveCommunesAsync(NpgsqlConnection c, NpgsqlTransaction t, LayerDefinition layer, CancellationToken ct)
    {
        var sql = $"""
            UPDATE {SqlIdentifier.LayerTable(layer.Name)} AS r SET commune_code = c.code
            FROM data.communes AS c
            WHERE r.commune_code IS NULL AND ST_Intersects(c.geom, ST_PointOnSurface(r.geom))
            """;
        await using var command = new NpgsqlCommand(sql, c, t);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static JsonElement Get(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement properties, string name) =>
        Get(properties, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static DateOnly? Date(JsonElement properties, string name) =>
        Text(properties, name) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd") : null;

    private static NpgsqlParameter Parameter(object? value) => new() { Value = value ?? DBNull.Value };
}
