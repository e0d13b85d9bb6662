using System.Text.Json;
using EnvGis.Data.Features;

namespace EnvGis.Ows.Features;

/// <summary>Writes a record's column values as GeoJSON properties: numbers, booleans and text as such, dates in ISO 8601.</summary>
public static class JsonPropertyWriter
{
    public static void Write(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            default:
                json.WriteStringValue(XsdValues.Format(value));
                break;
        }
    }

    /// <summary>All columns of a query with their values, in order.</summary>
    public static void WriteAll(Utf8JsonWriter json, IReadOnlyList<FeatureColumn> columns, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            Write(json, columns[i].Name, values[i]);
        }
    }
}
