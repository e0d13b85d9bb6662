namespace EnvGis.Server.Compliance;

/// <summary>"No change this month" (<c>YYYY-MM</c>) with the unit's comment.</summary>
public sealed record DeclarationRequest(string? Month, string? Comment);
