using System.Globalization;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Values;

namespace EnvGis.Data.Catalogue;

/// <summary>
/// The checks of a catalogue change that need no database: titles and labels in both languages,
/// allowed values (text attributes only, distinct, labelled values among them) and defaults of the
/// attribute's type. Each failure is a <see cref="CatalogueRefusal"/> naming the member at fault.
/// </summary>
public static class CatalogueRules
{
    public const int MaxTitle = 200;
    public const int MaxAbstract = 4000;
    public const int MaxAllowedValues = 500;
    public const int MaxValue = 200;

    public static void Title(LocalizedText? text, string field, int max = MaxTitle, bool required = true)
    {
        if (text is null)
        {
            if (required)
            {
                throw CatalogueRefusal.Invalid("invalid-title", field, $"Give {field} in Vietnamese and English ({{\"vi\": …, \"en\": …}}).");
            }

            return;
        }

        foreach (var (language, value) in new[] { ("vi", text.Vi), ("en", text.En) })
        {
            if ((required && string.IsNullOrWhiteSpace(value)) || (value?.Length ?? 0) > max)
            {
                throw CatalogueRefusal.Invalid("invalid-title", $"{field}.{language}",
                    $"{field} in {(language == "vi" ? "Vietnamese" : "English")} is {(required ? "1" : "0")}–{max} characters.");
            }
        }
    }

    /// <summary>Allowed values, their labels and a default of an attribute of <paramref name="type"/>.</summary>
    public static void Values(string field, AttributeType type, IReadOnlyList<string>? allowed,
        IReadOnlyDictionary<string, LocalizedText>? labels, string? defaultValue = null)
    {
        var prefix = field.Length == 0 ? "" : field + ".";
        if (allowed is not null)
        {
            if (type != AttributeType.Text)
            {
                throw CatalogueRefusal.Invalid("allowed-values-text-only", $"{prefix}allowedValues",
                    "Only text attributes have a list of allowed values.");
            }

            if (allowed.Count is 0 or > MaxAllowedValues || allowed.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxValue)
                || allowed.Distinct(StringComparer.Ordinal).Count() != allowed.Count)
            {
                throw CatalogueRefusal.Invalid("invalid-allowed-values", $"{prefix}allowedValues",
                    $"Allowed values are 1–{MaxAllowedValues} distinct, non-empty values of at most {MaxValue} characters.");
            }
        }

        if (labels is not null)
        {
            if (allowed is null || labels.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal)) is { } stray)
            {
                throw CatalogueRefusal.Invalid("invalid-value-labels", $"{prefix}valueLabels",
                    allowed is null ? "Value labels need allowed values." : $"'{Short(labels.Keys.First(k => !allowed.Contains(k, StringComparer.Ordinal)))}' is not an allowed value.");
            }

            foreach (var (value, label) in labels)
            {
                Title(label, $"{prefix}valueLabels.{value}");
            }
        }

        if (defaultValue is not null)
        {
            Canonical(type, defaultValue, $"{prefix}default");
            if (allowed is not null && !allowed.Contains(defaultValue, StringComparer.Ordinal))
            {
                throw CatalogueRefusal.Invalid("invalid-default", $"{prefix}default", "The default is not one of the allowed values.");
            }
        }
    }

    /// <summary>A value of <paramref name="type"/> as PostgreSQL reads it, or a refusal.</summary>
    public static string Canonical(AttributeType type, string text, string field)
    {
        try
        {
            return TypedValues.Parse(text, type) switch
            {
                bool b => b ? "true" : "false",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString()!,
            };
        }
        catch (FormatException e)
        {
            throw CatalogueRefusal.Invalid("invalid-default", field, e.Message);
        }
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
