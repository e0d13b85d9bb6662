namespace EnvGis.Server.Statistics;

/// <summary>One table of a download (CSV section, Excel sheet, HTML section): a title, column headings and rows of text or numbers.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
