using Npgsql;

namespace EnvGis.Data;

/// <summary>Builds the application's data source: PostGIS geometries as NetTopologySuite types.</summary>
public static class DataSourceFactory
{
    public static NpgsqlDataSource Create(string connectionString, string applicationName = "envgis")
    {
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = applicationName,
        }.ConnectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }
}
