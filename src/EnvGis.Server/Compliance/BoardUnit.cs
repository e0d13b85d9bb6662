namespace EnvGis.Server.Compliance;

/// <summary>One unit's row of the compliance board: its months and how many were late or are missing past the deadline.</summary>
public sealed record BoardUnit(string Unit, string NameVi, string NameEn, string Kind, string? Commune, int Late, int Overdue,
    IReadOnlyList<BoardCell> Months);
