using EnvGis.Data.Compliance;
using EnvGis.Data.Notices;

namespace EnvGis.Server.Compliance;

/// <summary>
/// A unit's own monthly obligations: whether it owes updates at all, this month's deadline, its
/// standing month by month (newest first) and its latest reminders and notices.
/// </summary>
public sealed record ObligationsResponse(string Unit, bool Obliged, int DeadlineDay, string CurrentMonth, DateTime CurrentDeadline,
    IReadOnlyList<ComplianceRow> Months, IReadOnlyList<Reminder> Notices);
