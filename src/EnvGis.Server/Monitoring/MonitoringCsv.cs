using System.Globalization;
using System.Text;

namespace EnvGis.Server.Monitoring;

/// <summary>CSV for downloads (RFC 4180, UTF-8 with BOM for spreadsheets); text cells that a spreadsheet would run as a formula are defused.</summary>
public static class MonitoringCsv
{
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text[0] is '=' or '+' or '-' or '@' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Cell(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>An instant as Việt Nam time with its offset (2026-01-02T08:00:00+07:00).</summary>
    public static string Cell(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeRange.Vietnam).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static IResult File(string fileName, StringBuilder csv) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
}
