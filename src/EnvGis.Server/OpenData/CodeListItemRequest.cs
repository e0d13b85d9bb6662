namespace EnvGis.Server.OpenData;

/// <summary>One entry of a new code list version: its code, labels (vi, en) and optional parent code.</summary>
public sealed record CodeListItemRequest(string? Code, string? LabelVi, string? LabelEn, string? Parent);
