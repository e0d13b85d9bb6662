namespace EnvGis.Server.Compliance;

/// <summary>The Department's compliance board: units × months, units with the most late or overdue months first.</summary>
public sealed record BoardResponse(IReadOnlyList<string> Months, int DeadlineDay, IReadOnlyList<BoardUnit> Units);
