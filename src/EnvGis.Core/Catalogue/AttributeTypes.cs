namespace EnvGis.Core.Catalogue;

/// <summary>Conversions between <see cref="AttributeType"/> and the names used in the catalogue tables.</summary>
public static class AttributeTypes
{
    public static AttributeType Parse(string name) => name switch
    {
        "text" => AttributeType.Text,
        "integer" => AttributeType.Integer,
        "number" => AttributeType.Number,
        "date" => AttributeType.Date,
        "datetime" => AttributeType.DateTime,
        "boolean" => AttributeType.Boolean,
        _ => throw new ArgumentException($"Unknown attribute type '{name}'.", nameof(name)),
    };

    public static string Name(this AttributeType type) => type switch
    {
        AttributeType.Text => "text",
        AttributeType.Integer => "integer",
        AttributeType.Number => "number",
        AttributeType.Date => "date",
        AttributeType.DateTime => "datetime",
        AttributeType.Boolean => "boolean",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
