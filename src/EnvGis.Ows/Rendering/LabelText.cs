using System.Globalization;
using System.Text;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// The text a label shows for an attribute value: invariant numbers, ISO dates, and text in Unicode
/// NFC, so Vietnamese letters are single precomposed glyphs of the font (ệ, not e + ̣ + ̂).
/// </summary>
public static class LabelText
{
    public static string? Of(object? value)
    {
        var text = value switch
        {
            null or DBNull => null,
            string s => s,
            double d => d.ToString("0.########", CultureInfo.InvariantCulture),
            float f => f.ToString("0.######", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime { TimeOfDay.Ticks: 0 } d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }
}
