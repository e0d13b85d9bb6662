namespace EnvGis.Server.Api;

/// <summary>A unit to create (code required) or change (absent members stay as they are; communeCode "" clears it).</summary>
public sealed record UnitRequest(string? Code, string? NameVi, string? NameEn, string? Kind, string? CommuneCode, bool? SelfApprove);
