using System.Globalization;
using System.Text;

namespace EnvGis.Server.Statistics;

/// <summary>
/// Tables as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese):
/// one section per table, its title on a line of its own. Text that a spreadsheet would run as a
/// formula (starting with = + - @) is prefixed with an apostrophe.
/// </summary>
public static class TableCsv
{
    public static byte[] Write(IReadOnlyList<ReportTable> tables)
    {
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            if (text.Length > 0)
            {
                text.Append("\r\n");
            }

            if (tables.Count > 1)
            {
                text.Append(Field(table.Title)).Append("\r\n");
            }

            text.AppendJoin(',', table.Columns.Select(Field)).Append("\r\n");
            foreach (var row in table.Rows)
            {
                text.AppendJoin(',', row.Select(Value)).Append("\r\n");
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Value(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Field(value.ToString() ?? ""),
    };

    private static string Field(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
