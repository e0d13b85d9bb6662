using EnvGis.Core.Compliance;

namespace EnvGis.Core.Tests.Compliance;

public sealed class ComplianceMonthTests
{
    [Theory]
    [InlineData("2026-05", 30, "2026-05-30")]
    [InlineData("2026-02", 30, "2026-02-28")] // shorter months use their last day
    [InlineData("2028-02", 30, "2028-02-29")]
    [InlineData("2026-04", 30, "2026-04-30")]
    [InlineData("2026-05", 25, "2026-05-25")] // the day is configurable
    [InlineData("2026-05", 31, "2026-05-31")]
    public void The_deadline_is_the_configured_day_or_the_months_last_day(string month, int day, string deadline) =>
        Assert.Equal(DateOnly.Parse(deadline), ComplianceMonth.Parse(month, day).DeadlineDay);

    [Fact]
    public void The_deadline_ends_at_local_midnight_in_Viet_Nam_time()
    {
        var may = ComplianceMonth.Parse("2026-05");
        Assert.Equal(DateTimeOffset.Parse("2026-05-30T17:00:00Z"), may.Deadline);
        Assert.Equal(DateTimeOffset.Parse("2026-04-30T17:00:00Z"), may.Start);
        Assert.Equal("on-time", ComplianceStatus.Decide(DateTimeOffset.Parse("2026-05-30T23:59:59+07:00"), null, may.Deadline));
        Assert.Equal("late", ComplianceStatus.Decide(DateTimeOffset.Parse("2026-05-31T00:00:00+07:00"), null, may.Deadline));
        Assert.Equal("declared-no-change", ComplianceStatus.Decide(null, DateTimeOffset.Parse("2026-05-10T00:00:00+07:00"), may.Deadline));
        Assert.Equal("late", ComplianceStatus.Decide(null, DateTimeOffset.Parse("2026-06-02T00:00:00+07:00"), may.Deadline));
        Assert.Equal("missing", ComplianceStatus.Decide(null, null, may.Deadline));
        // The first instant of 1 June in Việt Nam is still 31 May in UTC: it belongs to June.
        Assert.Equal("2026-06", ComplianceMonth.Containing(DateTimeOffset.Parse("2026-05-31T17:00:00Z")).Key);
    }

    [Theory]
    [InlineData("2026-5")]
    [InlineData("2026-13")]
    [InlineData("1999-12")]
    [InlineData("")]
    [InlineData("2026-05-01")]
    public void Anything_but_a_month_is_refused(string text) => Assert.Throws<FormatException>(() => ComplianceMonth.Parse(text));
}
