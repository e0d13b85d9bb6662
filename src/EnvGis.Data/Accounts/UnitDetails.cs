namespace EnvGis.Data.Accounts;

/// <summary>What describes a unit (already validated): its names, kind, commune and self-approval.</summary>
public sealed record UnitDetails(string NameVi, string NameEn, string Kind, string? CommuneCode, bool SelfApprove);
