namespace EnvGis.Core.Reports;

/// <summary>One field of a report type's form: <c>text</c>, <c>number</c> or <c>date</c>, with vi/en labels.</summary>
public sealed record ReportField(string Name, string Type, bool Required, string LabelVi, string LabelEn);
