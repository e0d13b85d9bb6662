namespace EnvGis.Data.Exchange;

/// <summary>One entry of a code list version: its code, labels (vi/en) and, for hierarchical lists, its parent's code.</summary>
public sealed record CodeListItem(string Code, string LabelVi, string LabelEn, string? Parent = null);
