namespace EnvGis.Data.Compliance;

/// <summary>A unit that owes monthly updates, and since when it exists.</summary>
public sealed record ObligedUnit(string Code, string NameVi, string NameEn, string Kind, string? CommuneCode, DateTime CreatedAt);
