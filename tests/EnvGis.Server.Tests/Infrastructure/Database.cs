using Npgsql;

namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>Direct queries against the test server's PostGIS, to compare what the server says with the data.</summary>
public static class Database
{
    public static async Task<List<T>> ListAsync<T>(this ServerFixture server, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.AddWithValue(p);
        }

        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetFieldValue<T>(0));
        }

        return result;
    }

    public static async Task<T> ScalarAsync<T>(this ServerFixture server, string sql, params object[] parameters) =>
        (await server.ListAsync<T>(sql, parameters)).Single();
}
