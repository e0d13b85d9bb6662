using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnvGis.Core.Text;

namespace EnvGis.Core.Reports;

/// <summary>
/// Checks a submission's values against its report type's form: only the type's fields, each of its
/// type (text without control characters, up to 4 000 characters; a finite number; a date
/// <c>yyyy-MM-dd</c>). Required fields are demanded only when the report is submitted.
/// </summary>
public static partial class ReportForm
{
    public const int MaxText = 4000;
    public const int MaxFields = 30;
    public static readonly IReadOnlyList<string> Types = ["text", "number", "date"];

    /// <summary>The values as they are kept (JSON strings, numbers, or null), or the field at fault and why.</summary>
    public static (Dictionary<string, object?>? Values, string? Field, string? Problem) Normalize(IReadOnlyList<ReportField> fields, JsonElement? values)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (values is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return (result, null, null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "values", "values must be an object of the report type's fields.");
        }

        foreach (var property in element.EnumerateObject())
        {
            var field = fields.FirstOrDefault(f => f.Name == property.Name);
            if (field is null)
            {
                return (null, property.Name, $"The report type has no field '{Shorten(property.Name)}'.");
            }

            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length == 0))
            {
                result[field.Name] = null;
                continue;
            }

            switch (field.Type)
            {
                case "number" when value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number):
                    result[field.Name] = number;
                    break;
                case "date" when value.ValueKind == JsonValueKind.String
                                 && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    result[field.Name] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case "text" when value.ValueKind == JsonValueKind.String:
                    var text = value.GetString()!.Trim();
                    if (text.Length > MaxText || HasControl(text))
                    {
                        return (null, field.Name, $"'{field.Name}' is text of at most {MaxText} characters without control characters.");
                    }

                    result[field.Name] = text;
                    break;
                default:
                    return (null, field.Name, $"'{field.Name}' must be a {field.Type}{(field.Type == "date" ? " (yyyy-MM-dd)" : "")}.");
            }
        }

        return (result, null, null);
    }

    /// <summary>The required fields without a value.</summary>
    public static IReadOnlyList<string> MissingRequired(IReadOnlyList<ReportField> fields, IReadOnlyDictionary<string, JsonElement> values) =>
        fields.Where(f => f.Required && (!values.TryGetValue(f.Name, out var v) || v.ValueKind == JsonValueKind.Null)).Select(f => f.Name).ToList();

    /// <summary>Text the one input rule refuses (control characters other than tab and line breaks, lone surrogates; <see cref="TextCheck"/>).</summary>
    public static bool HasControl(string text) => TextCheck.Problem(text) is not null;

    public static bool IsName(string? name) => name is not null && NamePattern().IsMatch(name);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex NamePattern();
}
