namespace EnvGis.Data.Reports;

/// <summary>Who acts on a submission: the account and its unit.</summary>
public sealed record ReportActor(string UserName, string UnitCode);
