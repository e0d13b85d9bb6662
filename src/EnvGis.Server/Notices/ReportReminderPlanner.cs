using EnvGis.Core.Notices;
using EnvGis.Core.Reports;
using EnvGis.Core.Values;
using EnvGis.Data.Notices;
using EnvGis.Server.Reports;

namespace EnvGis.Server.Notices;

/// <summary>
/// Enterprise report reminders (docs/operations.md "Reminders and e-mail"): for each report a facility
/// owes and has not yet submitted, a <c>report-due</c> reminder from
/// <see cref="NoticeSettings.ReportDaysBefore"/> days before its due day, and a <c>report-overdue</c>
/// notice once the due day has passed, both to the facility's enterprise. The period of a row names
/// the type, period and facility, so each is kept once.
/// </summary>
public sealed class ReportReminderPlanner(ReportObligations obligations, ReminderStore reminders, NoticeSettings settings)
{
    /// <summary>
    /// Notices go only for due days this recent: a report type configured with a first period years ago
    /// would otherwise e-mail every enterprise its whole backlog at once (the Department's overdue list
    /// still shows all of it).
    /// </summary>
    public const int OverdueNoticeDays = 92;

    public async Task<int> PlanAsync(DateTimeOffset now, bool mailConfigured, CancellationToken ct)
    {
        var added = 0;
        var today = CityTime.DayOf(now);
        foreach (var owed in await obligations.ListAsync(null, now, ct))
        {
            var period = $"{owed.Type}/{owed.Period}/{owed.FacilityLayer}.{owed.FacilityId}";
            if (owed.Overdue && owed.DueDay >= today.AddDays(-OverdueNoticeDays))
            {
                var text = ReminderTexts.ReportOverdue(owed.TypeNameVi, owed.TypeNameEn, owed.Period, owed.FacilityName, owed.DueDay);
                added += await reminders.AddAsync(ReminderKind.ReportOverdue, owed.Unit, period, DueAt(owed), text, mailConfigured, ct) ? 1 : 0;
            }
            else if (!owed.Overdue && NotSubmitted(owed.Status) && today >= owed.DueDay.AddDays(-settings.ReportDaysBefore))
            {
                var text = ReminderTexts.ReportDue(owed.TypeNameVi, owed.TypeNameEn, owed.Period, owed.FacilityName, owed.DueDay);
                added += await reminders.AddAsync(ReminderKind.ReportDue, owed.Unit, period, DueAt(owed), text, mailConfigured, ct) ? 1 : 0;
            }
        }

        return added;
    }

    // A report sent back (changes-requested) was submitted on time; only one never submitted is owed.
    private static bool NotSubmitted(string status) => status is ReportStatus.NotStarted or ReportStatus.Draft;

    private static DateTimeOffset DueAt(Obligation owed) => CityTime.StartOf(owed.DueDay.AddDays(1));
}
