using System.Text.Json;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Records;

namespace EnvGis.Data.Records;

/// <summary>
/// The values a write sets, by column: the layer's attributes and the editable metadata, typed for
/// Npgsql. Unknown names and system-managed columns (status, owner, version…) are refused by name.
/// </summary>
public static class RecordValues
{
    /// <summary>The values of a GeoJSON properties object (or an API body); <paramref name="ignored"/> names are skipped.</summary>
    public static Dictionary<string, object?> FromJson(LayerDefinition layer, JsonElement properties, params string[] ignored)
    {
        if (properties.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        if (properties.ValueKind != JsonValueKind.Object)
        {
            throw RecordException.Invalid("The properties must be a JSON object.", "properties");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties.EnumerateObject())
        {
            if (ignored.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var definition = Writable(layer, property.Name);
            try
            {
                values[definition.Name] = AttributeValues.FromJson(definition, property.Value);
            }
            catch (FormatException e)
            {
                throw RecordException.Invalid(e.Message, property.Name);
            }
        }

        return values;
    }

    /// <summary>A value given as text (WFS); null or empty text is null.</summary>
    public static object? FromText(LayerDefinition layer, string name, string? text)
    {
        var definition = Writable(layer, name);
        try
        {
            return AttributeValues.FromText(definition, text);
        }
        catch (FormatException e)
        {
            throw RecordException.Invalid(e.Message, name);
        }
    }

    /// <summary>The definition of a column a writer may set, or a refusal naming it.</summary>
    public static AttributeDefinition Writable(LayerDefinition layer, string name)
    {
        if (EditableMetadata.Writable(layer, name) is { } definition)
        {
            return definition;
        }

        if (EditableMetadata.SystemManaged.Contains(name, StringComparer.Ordinal))
        {
            throw RecordException.Invalid(name == RecordMetadata.Status
                ? "The status changes only through the workflow actions (submit, approve, reject, publish, delete, restore)."
                : $"'{name}' is kept by the system and cannot be set.", name);
        }

        throw RecordException.Invalid($"The layer '{layer.Name}' has no property '{name}'.", name);
    }

    /// <summary>
    /// The values without the measured attributes (a station's live AQI…, docs/monitoring.md): a value for
    /// one is refused, a null (as WFS clients send every property) is dropped, so no channel can set them.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> WithoutMeasured(LayerDefinition layer, IReadOnlyDictionary<string, object?> values)
    {
        var measured = values.Keys.Where(k => layer.FindAttribute(k)?.Measured == true).ToList();
        if (measured.Count == 0)
        {
            return values;
        }

        if (measured.FirstOrDefault(k => values[k] is not null) is { } set)
        {
            throw RecordException.Invalid($"'{set}' is a measured value kept by the monitoring system and cannot be set.", set);
        }

        return values.Where(v => !measured.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Refuses text that may not be stored (control characters, lone surrogates; see TextCheck), whatever
    /// the channel: the API checks JSON earlier, WFS-T values arrive here first.
    /// </summary>
    public static void CheckText(IReadOnlyDictionary<string, object?> values, string? comment)
    {
        foreach (var (name, value) in values)
        {
            if (value is string text && EnvGis.Core.Text.TextCheck.Problem(text) is { } why)
            {
                throw new RecordException(RecordErrorKind.Invalid, $"The value of '{name}' {why}.", name) { Code = RecordErrorCodes.InvalidText };
            }
        }

        if (EnvGis.Core.Text.TextCheck.Problem(comment) is { } commentProblem)
        {
            throw new RecordException(RecordErrorKind.Invalid, $"The comment {commentProblem}.", "comment") { Code = RecordErrorCodes.InvalidText };
        }
    }

    /// <summary>Refuses missing or null required attributes: all of them for an insert, the given ones for an update.</summary>
    public static void CheckRequired(LayerDefinition layer, IReadOnlyDictionary<string, object?> values, bool insert)
    {
        foreach (var attribute in layer.Attributes.Where(a => a.Required))
        {
            var given = values.TryGetValue(attribute.Name, out var value);
            if ((insert || given) && value is null)
            {
                throw RecordException.Invalid($"'{attribute.Name}' is required.", attribute.Name);
            }
        }
    }
}
