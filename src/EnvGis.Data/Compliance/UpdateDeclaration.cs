namespace EnvGis.Data.Compliance;

/// <summary>A unit's "no change this month" (không có thay đổi trong tháng), with its comment.</summary>
public sealed record UpdateDeclaration(string Month, string Comment, string DeclaredBy, DateTime DeclaredAt);
