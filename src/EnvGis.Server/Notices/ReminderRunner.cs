using EnvGis.Core.Compliance;
using EnvGis.Core.Notices;
using EnvGis.Core.Values;
using EnvGis.Data.Compliance;
using EnvGis.Data.Notices;

namespace EnvGis.Server.Notices;

/// <summary>
/// Plans the reminders due at an instant and e-mails the pending ones (docs/operations.md "Reminders
/// and e-mail"): from <see cref="NoticeSettings.DaysBefore"/> days before the monthly deadline, a
/// reminder to each obliged unit with nothing that counts yet; once the deadline has passed, a notice
/// to each unit that still has nothing; from the review month on, the Department's yearly account
/// review; and the enterprise report reminders (<see cref="ReportReminderPlanner"/>). Adding is idempotent, so running it again (or on several nodes) changes nothing.
/// </summary>
public sealed class ReminderRunner(ComplianceStore compliance, ReminderStore reminders, ReportReminderPlanner reports, NoticeSettings settings,
    MailSender mail)
{
    public async Task<ReminderRun> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var added = 0;
        var today = CityTime.DayOf(now);
        var current = ComplianceMonth.Containing(now, settings.DeadlineDay);
        if (now < current.Deadline && today >= current.DeadlineDay.AddDays(-settings.DaysBefore))
        {
            foreach (var row in await compliance.MonthAsync(current, now, null, null, null, ct))
            {
                if (row.Status == ComplianceStatus.Missing
                    && await reminders.AddAsync(ReminderKind.UpdateDue, row.Unit, current.Key, current.Deadline,
                        ReminderTexts.UpdateDue(row.UnitNameVi, current), mail.Configured, ct))
                {
                    added++;
                }
            }
        }

        foreach (var month in new[] { current.Previous, current })
        {
            if (now < month.Deadline)
            {
                continue;
            }

            foreach (var row in await compliance.MonthAsync(month, now, null, null, null, ct))
            {
                if (row.Status == ComplianceStatus.Missing
                    && await reminders.AddAsync(ReminderKind.UpdateOverdue, row.Unit, month.Key, month.Deadline,
                        ReminderTexts.UpdateOverdue(row.UnitNameVi, month), mail.Configured, ct))
                {
                    added++;
                }
            }
        }

        if (today.Month >= settings.AccountReviewMonth)
        {
            foreach (var (code, _) in await reminders.DepartmentUnitsAsync(ct))
            {
                if (await reminders.AddAsync(ReminderKind.AccountReview, code, today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        null, ReminderTexts.AccountReview(today.Year), mail.Configured, ct))
                {
                    added++;
                }
            }
        }

        added += await reports.PlanAsync(now, mail.Configured, ct);
        var sent = mail.Configured ? await reminders.DeliverAsync(mail.SendAsync, ct) : 0;
        return new ReminderRun(added, sent);
    }
}
