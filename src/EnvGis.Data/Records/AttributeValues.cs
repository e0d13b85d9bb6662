using System.Globalization;
using System.Text.Json;
using EnvGis.Core.Catalogue;

namespace EnvGis.Data.Records;

/// <summary>Converts attribute values given as JSON (GeoJSON properties, API bodies) to the CLR values Npgsql writes.</summary>
public static class AttributeValues
{
    /// <summary>The typed value, or null for JSON null; throws <see cref="FormatException"/> with a readable message.</summary>
    public static object? FromJson(AttributeDefinition attribute, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        object result = attribute.Type switch
        {
            AttributeType.Text => value.ValueKind == JsonValueKind.String ? value.GetString()! : Fail(attribute, value),
            AttributeType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : Fail(attribute, value),
            AttributeType.Number => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : Fail(attribute, value),
            AttributeType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : Fail(attribute, value),
            AttributeType.Date => value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : Fail(attribute, value),
            AttributeType.DateTime => value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? t.ToUniversalTime() : Fail(attribute, value),
            _ => Fail(attribute, value),
        };

        if (attribute.AllowedValues is { } allowed && result is string s && !allowed.Contains(s, StringComparer.Ordinal))
        {
            throw new FormatException($"'{s}' is not an allowed value of '{attribute.Name}' ({string.Join(", ", allowed)}).");
        }

        return result;
    }

    private static object Fail(AttributeDefinition attribute, JsonElement value) =>
        throw new FormatException($"'{value}' is not a valid {attribute.Type.Name()} for '{attribute.Name}'.");
}
