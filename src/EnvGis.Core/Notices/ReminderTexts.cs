using System.Globalization;
using EnvGis.Core.Compliance;

namespace EnvGis.Core.Notices;

/// <summary>The wording of each reminder (docs/operations.md "Reminders and e-mail").</summary>
public static class ReminderTexts
{
    /// <summary>Where the portal shows a unit its own obligations.</summary>
    public const string ObligationsLink = "#reports/obligations";

    public const string AccountReviewLink = "#admin/account-review";

    /// <summary>Where the portal shows an enterprise the reports it owes.</summary>
    public const string EnterpriseReportsLink = "#reports/enterprise";

    public static ReminderText UpdateDue(string unitName, ComplianceMonth month)
    {
        var day = month.DeadlineDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new ReminderText(
            $"Nhắc cập nhật dữ liệu tháng {month.First:MM/yyyy}: hạn {day}",
            $"Reminder: monthly data update for {month.Key} is due {month.DeadlineDay:yyyy-MM-dd}",
            $"{unitName} chưa cập nhật dữ liệu môi trường tháng {month.First:MM/yyyy} (Điều 6.2). Hạn chót là hết ngày {day}. "
            + "Nếu trong tháng không có thay đổi, hãy khai báo \"không có thay đổi\" kèm ghi chú trên cổng thông tin.",
            $"{unitName} has not yet updated its environmental data for {month.Key} (Art. 6.2). The deadline is the end of {month.DeadlineDay:yyyy-MM-dd}. "
            + "If nothing changed this month, declare \"no change\" with a comment in the portal.",
            ObligationsLink);
    }

    public static ReminderText UpdateOverdue(string unitName, ComplianceMonth month)
    {
        var day = month.DeadlineDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new ReminderText(
            $"Quá hạn cập nhật dữ liệu tháng {month.First:MM/yyyy}",
            $"Overdue: monthly data update for {month.Key}",
            $"{unitName} chưa cập nhật dữ liệu tháng {month.First:MM/yyyy} và chưa khai báo \"không có thay đổi\"; hạn chót {day} đã qua. "
            + "Sở Nông nghiệp và Môi trường ghi nhận đơn vị nộp muộn (Điều 11.1e).",
            $"{unitName} has neither updated its data for {month.Key} nor declared \"no change\"; the deadline of {month.DeadlineDay:yyyy-MM-dd} has passed. "
            + "The Department records the unit as late (Art. 11.1e).",
            ObligationsLink);
    }

    public static ReminderText AccountReview(int year) => new(
        $"Rà soát tài khoản, vai trò và phạm vi dữ liệu năm {year}",
        $"Yearly review of accounts, roles and data scopes ({year})",
        $"Đã đến kỳ rà soát hằng năm các tài khoản, vai trò và phạm vi dữ liệu của các đơn vị (Điều 4.3, 11.1d). "
        + "Mở trang \"Rà soát tài khoản\" để xem tài khoản chưa dùng, không có người chịu trách nhiệm và khóa truy cập đã hết hạn.",
        $"The yearly review of accounts, roles and data scopes is due (Art. 4.3, 11.1d). "
        + "Open \"Account review\" to see unused accounts, accounts without a named holder and expired tokens.",
        AccountReviewLink);

    public static ReminderText ReportDue(string typeVi, string typeEn, string period, string facility, DateOnly dueDay) => new(
        $"Nhắc nộp báo cáo {typeVi} kỳ {period}: hạn {Day(dueDay)}",
        $"Reminder: {typeEn} for {period} is due {dueDay:yyyy-MM-dd}",
        $"Báo cáo \"{typeVi}\" kỳ {period} của cơ sở {facility} chưa được nộp. Hạn nộp là hết ngày {Day(dueDay)} (Điều 2.3). "
        + "Mở mục \"Báo cáo của doanh nghiệp\" trên cổng thông tin để điền và nộp báo cáo.",
        $"The report \"{typeEn}\" for {period} of the facility {facility} has not been submitted. It is due by the end of {dueDay:yyyy-MM-dd} (Art. 2.3). "
        + "Open \"Enterprise reports\" in the portal to fill it in and submit it.",
        EnterpriseReportsLink);

    public static ReminderText ReportOverdue(string typeVi, string typeEn, string period, string facility, DateOnly dueDay) => new(
        $"Quá hạn nộp báo cáo {typeVi} kỳ {period}",
        $"Overdue: {typeEn} for {period}",
        $"Báo cáo \"{typeVi}\" kỳ {period} của cơ sở {facility} chưa được nộp; hạn {Day(dueDay)} đã qua. "
        + "Sở Nông nghiệp và Môi trường ghi nhận báo cáo nộp muộn (Điều 2.3, 5.4).",
        $"The report \"{typeEn}\" for {period} of the facility {facility} has not been submitted; the due day {dueDay:yyyy-MM-dd} has passed. "
        + "The Department records the report as late (Art. 2.3, 5.4).",
        EnterpriseReportsLink);

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
