using ClosedXML.Excel;

namespace EnvGis.Server.Statistics;

/// <summary>Tables as an Excel workbook (ClosedXML): one sheet per table, a bold heading row, numbers as numbers.</summary>
public static class TableExcel
{
    public static byte[] Write(IReadOnlyList<ReportTable> tables)
    {
        using var workbook = new XLWorkbook();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(SheetName(table.Title, names));
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = sheet.Cell(1, c + 1);
                cell.Value = table.Columns[c];
                cell.Style.Font.Bold = true;
                sheet.Column(c + 1).Width = c == 0 ? 36 : 18;
            }

            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    var cell = sheet.Cell(r + 2, c + 1);
                    switch (table.Rows[r][c])
                    {
                        case null:
                            break;
                        case double d:
                            cell.Value = d;
                            cell.Style.NumberFormat.Format = "#,##0.00";
                            break;
                        case long l:
                            cell.Value = l;
                            break;
                        case int i:
                            cell.Value = i;
                            break;
                        case var other:
                            // Text stays text: never read as a formula or a number.
                            cell.SetValue(other.ToString() ?? "");
                            cell.DataType = XLDataType.Text;
                            break;
                    }
                }
            }

            sheet.SheetView.FreezeRows(1);
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique.</summary>
    private static string SheetName(string title, HashSet<string> taken)
    {
        var clean = new string(title.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        var name = clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet" : clean;
        for (var i = 2; !taken.Add(name); i++)
        {
            var suffix = $" ({i})";
            name = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }
}
