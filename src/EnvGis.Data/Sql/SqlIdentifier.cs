namespace EnvGis.Data.Sql;

/// <summary>
/// The one function that puts an identifier into SQL text. Identifiers come only from the layer
/// catalogue (whose names the database constrains to lower_snake_case); values are always parameters.
/// </summary>
public static class SqlIdentifier
{
    public static string Quote(string identifier)
    {
        if (string.IsNullOrEmpty(identifier) || identifier.Contains('\0'))
        {
            throw new ArgumentException("Empty or invalid SQL identifier.", nameof(identifier));
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A layer's table: data."layer".</summary>
    public static string LayerTable(string layerName) => "data." + Quote(layerName);
}
