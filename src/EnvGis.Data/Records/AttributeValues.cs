using System.Globalization;
using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Values;

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
            AttributeType.DateTime => value.ValueKind == JsonValueKind.String ? Instant(attribute, value) : Fail(attribute, value),
            _ => Fail(attribute, value),
        };

        if (attribute.AllowedValues is { } allowed && result is string s && !allowed.Contains(s, StringComparer.Ordinal))
        {
            throw new FormatException($"'{s}' is not an allowed value of '{attribute.Name}' ({string.Join(", ", allowed)}).");
        }

        return result;
    }

    /// <summary>The typed value of text (as WFS sends values), or null for null or empty non-text; throws <see cref="FormatException"/>.</summary>
    public static object? FromText(AttributeDefinition attribute, string? text)
    {
        if (text is null || (attribute.Type != AttributeType.Text && string.IsNullOrWhiteSpace(text)))
        {
            return null;
        }

        // One typing of text for every channel (docs/filters.md): WFS-T values as filter literals.
        object? result;
        try
        {
            result = TypedValues.Parse(text, attribute.Type);
        }
        catch (FormatException)
        {
            result = null;
        }

        if (result is null)
        {
            throw new FormatException($"'{text}' is not a valid {attribute.Type.Name()} for '{attribute.Name}'.");
        }

        if (attribute.AllowedValues is { } allowed && result is string s && !allowed.Contains(s, StringComparer.Ordinal))
        {
            throw new FormatException($"'{s}' is not an allowed value of '{attribute.Name}' ({string.Join(", ", allowed)}).");
        }

        return result;
    }

    /// <summary>A date-time by the one time rule (no zone: Việt Nam time), as a UTC instant.</summary>
    private static object Instant(AttributeDefinition attribute, JsonElement value)
    {
        try
        {
            return CityTime.ParseInstant(value.GetString()!);
        }
        catch (FormatException)
        {
            return Fail(attribute, value);
        }
    }

    private static object Fail(AttributeDefinition attribute, JsonElement value) =>
        throw new FormatException($"'{value}' is not a valid {attribute.Type.Name()} for '{attribute.Name}'.");
}
