using System.Globalization;
using EnvGis.Core.Compliance;

namespace EnvGis.Server.Notices;

/// <summary>
/// When monthly updates are due and when reminders go out (README "Settings", docs/operations.md):
/// the deadline day (<c>ENVGIS_UPDATE_DEADLINE_DAY</c>, default 30), how many days before it the
/// reminder goes (<c>ENVGIS_REMINDER_DAYS_BEFORE</c>, default 5), the month of the yearly account
/// review (<c>ENVGIS_ACCOUNT_REVIEW_MONTH</c>, default 1) and how often the planner runs
/// (<c>ENVGIS_REMINDER_MINUTES</c>, default 15); and how many days before an enterprise report's due
/// day its reminder goes (<c>ENVGIS_REPORT_REMINDER_DAYS_BEFORE</c>, default 14).
/// </summary>
public sealed record NoticeSettings(int DeadlineDay, int DaysBefore, int AccountReviewMonth, TimeSpan Every)
{
    public const int DefaultReportDaysBefore = 14;

    public int ReportDaysBefore { get; init; } = DefaultReportDaysBefore;

    public static NoticeSettings Default { get; } = new(ComplianceMonth.DefaultDeadlineDay, 5, 1, TimeSpan.FromMinutes(15));

    public static NoticeSettings From(IConfiguration configuration) => new(
        Read(configuration, "ENVGIS_UPDATE_DEADLINE_DAY", Default.DeadlineDay, 1, 31),
        Read(configuration, "ENVGIS_REMINDER_DAYS_BEFORE", Default.DaysBefore, 0, 27),
        Read(configuration, "ENVGIS_ACCOUNT_REVIEW_MONTH", Default.AccountReviewMonth, 1, 12),
        TimeSpan.FromMinutes(Read(configuration, "ENVGIS_REMINDER_MINUTES", 15, 1, 1440)))
    {
        ReportDaysBefore = Read(configuration, "ENVGIS_REPORT_REMINDER_DAYS_BEFORE", DefaultReportDaysBefore, 0, 90),
    };

    private static int Read(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{key} is a whole number from {min} to {max}, not '{text}'.");
    }
}
