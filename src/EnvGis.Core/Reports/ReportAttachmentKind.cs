namespace EnvGis.Core.Reports;

/// <summary>A kind of document every submission of a report type must carry (at least one file of it).</summary>
public sealed record ReportAttachmentKind(string Code, string LabelVi, string LabelEn);
