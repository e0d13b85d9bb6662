using Npgsql;

namespace EnvGis.Data.Catalogue;

/// <summary>The commands of one catalogue change, all in its transaction; parameters are (name, value) pairs.</summary>
internal sealed class CatalogueTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default! : (T)value;
    }

    public async Task<List<T>> ListAsync<T>(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.IsDBNull(0) ? default! : reader.GetFieldValue<T>(0));
        }

        return list;
    }

    public async Task<T?> ReadOneAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object Value)[] parameters)
        where T : class
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? read(reader) : null;
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
