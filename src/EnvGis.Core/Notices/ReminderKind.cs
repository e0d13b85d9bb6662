namespace EnvGis.Core.Notices;

/// <summary>The kinds of reminders and notices (envgis.reminders.kind, docs/operations.md "Reminders and e-mail").</summary>
public static class ReminderKind
{
    /// <summary>Before the monthly deadline, to a unit with nothing that counts yet.</summary>
    public const string UpdateDue = "update-due";

    /// <summary>After the monthly deadline, to a unit that still has nothing that counts.</summary>
    public const string UpdateOverdue = "update-overdue";

    /// <summary>Once a year, to the Department: review accounts, roles and scopes (Art. 4.3, 11.1d).</summary>
    public const string AccountReview = "account-review";

    /// <summary>Before an enterprise report's due day, to the enterprise that has not submitted it yet.</summary>
    public const string ReportDue = "report-due";

    /// <summary>After an enterprise report's due day, to the enterprise that still has not submitted it.</summary>
    public const string ReportOverdue = "report-overdue";

    public static IReadOnlyList<string> All { get; } = [UpdateDue, UpdateOverdue, AccountReview, ReportDue, ReportOverdue];
}
