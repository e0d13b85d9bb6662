using System.Globalization;
using System.Text;

namespace EnvGis.Core.Filters;

/// <summary>
/// Case and accent folding in memory, the same as the SQL generator's <c>lower()</c> and
/// <c>unaccent()</c> do for Vietnamese: diacritics (tones, breve, circumflex, horn) are dropped and
/// đ/Đ become d/D.
/// </summary>
public static class TextFolding
{
    public static string Case(string text) => text.ToLowerInvariant();

    public static string Accents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    continue;
                default:
                    folded.Append(c switch
                    {
                        'đ' => 'd',
                        'Đ' => 'D',
                        _ => c,
                    });
                    break;
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
