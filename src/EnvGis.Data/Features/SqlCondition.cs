using Npgsql;

namespace EnvGis.Data.Features;

/// <summary>
/// A boolean SQL expression over the record alias <c>r</c> with its parameters, built by a filter
/// generator from catalogue identifiers and parameter placeholders only (never from request text).
/// </summary>
public sealed record SqlCondition(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public static SqlCondition True { get; } = new("TRUE", []);
}
