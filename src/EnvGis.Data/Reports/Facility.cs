namespace EnvGis.Data.Reports;

/// <summary>A facility that owes reports: a record of the report type's layer and the enterprise unit that owns it.</summary>
public sealed record Facility(string Layer, long Id, string Name, string Unit, string UnitNameVi, string UnitNameEn);
