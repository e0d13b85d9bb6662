namespace EnvGis.Server.Compliance;

/// <summary>One unit in one month on the compliance board.</summary>
public sealed record BoardCell(string Month, string Status, bool Overdue, DateTime? LastUpdate, int Records, int PendingApproval);
