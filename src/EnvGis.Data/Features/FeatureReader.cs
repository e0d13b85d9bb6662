using EnvGis.Core.Catalogue;
using NetTopologySuite.Geometries;
using Npgsql;

namespace EnvGis.Data.Features;

/// <summary>
/// A forward-only cursor over the records of a <see cref="FeatureQuery"/>: one row in memory at a time.
/// Values are read in column order (the command runs with sequential access).
/// </summary>
public sealed class FeatureReader : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlCommand command;
    private readonly NpgsqlDataReader reader;
    private readonly object?[] values;

    internal FeatureReader(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader, FeatureQuery query)
    {
        this.connection = connection;
        this.command = command;
        this.reader = reader;
        Query = query;
        values = new object?[query.Columns.Count];
    }

    public FeatureQuery Query { get; }

    public long Id { get; private set; }

    /// <summary>The values of <see cref="FeatureQuery.Columns"/> for the current row (null for SQL NULL).</summary>
    public IReadOnlyList<object?> Values => values;

    /// <summary>The geometry when the query asked for <see cref="GeometryEncoding.Geometry"/>.</summary>
    public Geometry? Geometry { get; private set; }

    /// <summary>The GeoJSON geometry text when the query asked for <see cref="GeometryEncoding.GeoJson"/>.</summary>
    public string? GeoJson { get; private set; }

    /// <summary>A point on the geometry in WGS 84, when the query asked for it (<see cref="GeometryOutput.WithLonLat"/>).</summary>
    public double Longitude { get; private set; }

    public double Latitude { get; private set; }

    public async Task<bool> ReadAsync(CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }

        Id = reader.GetInt64(0);
        for (var i = 0; i < values.Length; i++)
        {
            var ordinal = i + 1;
            values[i] = await reader.IsDBNullAsync(ordinal, ct) ? null : Query.Columns[i].Type switch
            {
                AttributeType.Text => reader.GetString(ordinal),
                AttributeType.Integer => reader.GetInt32(ordinal),
                AttributeType.Number => reader.GetDouble(ordinal),
                AttributeType.Boolean => reader.GetBoolean(ordinal),
                AttributeType.Date => reader.GetFieldValue<DateOnly>(ordinal),
                AttributeType.DateTime => reader.GetFieldValue<DateTime>(ordinal),
                _ => reader.GetValue(ordinal),
            };
        }

        var geometryOrdinal = values.Length + 1;
        switch (Query.Geometry.Encoding)
        {
            case GeometryEncoding.Geometry:
                Geometry = await reader.IsDBNullAsync(geometryOrdinal, ct) ? null : reader.GetFieldValue<Geometry>(geometryOrdinal);
                break;
            case GeometryEncoding.GeoJson:
                GeoJson = await reader.IsDBNullAsync(geometryOrdinal, ct) ? null : reader.GetString(geometryOrdinal);
                break;
        }

        if (Query.Geometry.WithLonLat)
        {
            var next = geometryOrdinal + (Query.Geometry.Encoding == GeometryEncoding.None ? 0 : 1);
            Longitude = reader.GetDouble(next);
            Latitude = reader.GetDouble(next + 1);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await command.DisposeAsync();
        await connection.DisposeAsync();
    }
}
