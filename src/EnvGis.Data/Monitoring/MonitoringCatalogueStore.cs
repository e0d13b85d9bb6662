using EnvGis.Core.Monitoring;
using Npgsql;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// The parameter catalogue in the database: read by every delivery and series read, written by the
/// administrator. Kept in memory for a few seconds (an edit here clears it at once; another server of a
/// cluster sees it within <see cref="CacheFor"/>).
/// </summary>
public sealed class MonitoringCatalogueStore(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private volatile Tuple<MonitoringCatalogue, DateTime>? cached;

    public async Task<MonitoringCatalogue> LoadAsync(CancellationToken ct)
    {
        if (cached is { } hit && DateTime.UtcNow - hit.Item2 < CacheFor)
        {
            return hit.Item1;
        }

        var catalogue = await ReadAsync(ct);
        cached = Tuple.Create(catalogue, DateTime.UtcNow);
        return catalogue;
    }

    private async Task<MonitoringCatalogue> ReadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var parameters = new List<Parameter>();
        await using (var command = new NpgsqlCommand(
            "SELECT id, code, name_vi, name_en, unit, decimals, aqi_pollutant FROM monitoring.parameters ORDER BY id", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                parameters.Add(new Parameter(reader.GetInt16(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt16(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        var aliases = new List<ParameterAlias>();
        await using (var command = new NpgsqlCommand("SELECT alias, station_type, parameter_id FROM monitoring.parameter_aliases", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                aliases.Add(new ParameterAlias(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt16(2)));
            }
        }

        var units = new List<(short, UnitConversion)>();
        await using (var command = new NpgsqlCommand("SELECT parameter_id, unit, factor, \"offset\" FROM monitoring.parameter_units", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                units.Add((reader.GetInt16(0), new UnitConversion(reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3))));
            }
        }

        return new MonitoringCatalogue(parameters, aliases, units);
    }

    /// <summary>The catalogue as the administrator edits it: each parameter with its aliases and units.</summary>
    public async Task<IReadOnlyList<ParameterDefinition>> ListAsync(CancellationToken ct)
    {
        var catalogue = await ReadAsync(ct);
        await using var command = dataSource.CreateCommand(
            "SELECT parameter_id, alias, station_type FROM monitoring.parameter_aliases ORDER BY parameter_id, alias, station_type NULLS FIRST");
        var aliases = new List<(short Id, AliasDefinition Alias)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                aliases.Add((reader.GetInt16(0), new AliasDefinition(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))));
            }
        }

        await using var unitCommand = dataSource.CreateCommand(
            "SELECT parameter_id, unit, factor, \"offset\" FROM monitoring.parameter_units ORDER BY parameter_id, unit");
        var units = new List<(short Id, UnitDefinition Unit)>();
        await using (var reader = await unitCommand.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                units.Add((reader.GetInt16(0), new UnitDefinition(reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3))));
            }
        }

        return catalogue.Parameters.Select(p => new ParameterDefinition(p.Code, p.NameVi, p.NameEn, p.Unit, p.Decimals, p.AqiPollutant,
            aliases.Where(a => a.Id == p.Id).Select(a => a.Alias).ToList(),
            units.Where(u => u.Id == p.Id).Select(u => u.Unit).ToList())).ToList();
    }

    /// <summary>
    /// Creates or replaces a parameter by its code, with its aliases and units (its own code is always an
    /// alias). Returns false when an alias already names another parameter or the AQI role is taken.
    /// </summary>
    public async Task<(bool Created, string? Conflict)> PutAsync(ParameterDefinition definition, string actor, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        short id;
        bool created;
        await using (var command = new NpgsqlCommand(
            """
            INSERT INTO monitoring.parameters AS p (code, name_vi, name_en, unit, decimals, aqi_pollutant, updated_by)
            VALUES (@code, @vi, @en, @unit, @decimals, @aqi, @actor)
            ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, unit = excluded.unit,
                decimals = excluded.decimals, aqi_pollutant = excluded.aqi_pollutant, updated_by = excluded.updated_by, updated_at = now()
            RETURNING id, (xmax = 0)
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("code", definition.Code);
            command.Parameters.AddWithValue("vi", definition.NameVi);
            command.Parameters.AddWithValue("en", definition.NameEn);
            command.Parameters.AddWithValue("unit", definition.Unit);
            command.Parameters.AddWithValue("decimals", (short)definition.Decimals);
            command.Parameters.AddWithValue("aqi", (object?)definition.AqiPollutant ?? DBNull.Value);
            command.Parameters.AddWithValue("actor", actor);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                id = reader.GetInt16(0);
                created = reader.GetBoolean(1);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return (false, $"Another parameter already has the VN_AQI role {definition.AqiPollutant}.");
            }
        }

        await using (var clear = new NpgsqlCommand(
            "DELETE FROM monitoring.parameter_aliases WHERE parameter_id = @id; DELETE FROM monitoring.parameter_units WHERE parameter_id = @id",
            connection, transaction))
        {
            clear.Parameters.AddWithValue("id", id);
            await clear.ExecuteNonQueryAsync(ct);
        }

        var aliases = definition.Aliases.Select(a => (Alias: MonitoringNames.Parameter(a.Alias), a.StationType))
            .Append((MonitoringNames.Parameter(definition.Code), null)).Distinct().ToList();
        foreach (var (alias, stationType) in aliases)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO monitoring.parameter_aliases (alias, station_type, parameter_id) VALUES (@alias, @type, @id)", connection, transaction);
            command.Parameters.AddWithValue("alias", alias);
            command.Parameters.AddWithValue("type", (object?)stationType ?? DBNull.Value);
            command.Parameters.AddWithValue("id", id);
            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return (false, $"The alias '{alias}'{(stationType is null ? "" : $" ({stationType})")} already names another parameter.");
            }
        }

        foreach (var unit in definition.Units.DistinctBy(u => MonitoringNames.Unit(u.Unit)))
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO monitoring.parameter_units (parameter_id, unit, factor, \"offset\") VALUES (@id, @unit, @factor, @offset)",
                connection, transaction);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("unit", MonitoringNames.Unit(unit.Unit));
            command.Parameters.AddWithValue("factor", unit.Factor);
            command.Parameters.AddWithValue("offset", unit.Offset);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        cached = null;
        return (created, null);
    }
}
