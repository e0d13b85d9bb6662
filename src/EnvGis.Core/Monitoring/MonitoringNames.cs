using System.Globalization;
using System.Text;

namespace EnvGis.Core.Monitoring;

/// <summary>
/// How parameter and unit names are compared (docs/monitoring.md "Names and units"): vendors write
/// "Nhiệt độ", "Nhiet do" or "nhiet  do"; "µg/m³", "ug/m3" or "μg/m3".
/// </summary>
public static class MonitoringNames
{
    /// <summary>Trimmed, upper case, without Vietnamese diacritics (đ → D), inner spaces collapsed to one.</summary>
    public static string Parameter(string name)
    {
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var ch in name.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(ch is 'đ' or 'Đ' ? 'D' : char.ToUpperInvariant(ch));
        }

        return builder.ToString();
    }

    /// <summary>Lower case without spaces; µ and μ become u, ³ becomes 3, ² becomes 2.</summary>
    public static string Unit(string unit)
    {
        var builder = new StringBuilder(unit.Length);
        foreach (var ch in unit)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            builder.Append(ch switch
            {
                'µ' or 'μ' => 'u',
                '³' => '3',
                '²' => '2',
                _ => char.ToLowerInvariant(ch),
            });
        }

        return builder.ToString();
    }
}
