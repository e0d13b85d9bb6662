using EnvGis.Data.Compliance;
using EnvGis.Data.Notices;
using EnvGis.Data.Reports;
using EnvGis.Data.Statistics;
using EnvGis.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EnvGis.Server.Notices;

/// <summary>The "Reports" area in the host: compliance, reminders and e-mail, statistics, enterprise reports (docs/operations.md).</summary>
public static class NoticeServices
{
    public static IServiceCollection AddReportsArea(this IServiceCollection services, IConfiguration configuration, EnvGisSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(NoticeSettings.From(configuration));
        services.AddSingleton(MailSettings.Read(configuration));
        services.AddSingleton(sp => new MailSender(sp.GetRequiredService<MailSettings>(), settings.PublicUrl));
        services.AddSingleton<ComplianceStore>();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReportReminderPlanner>();
        services.AddSingleton<ReminderRunner>();
        services.AddSingleton<StatisticsStore>();
        services.AddSingleton<ReportTypeStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<EnvGis.Server.Reports.ReportObligations>();
        services.AddHostedService<ReminderService>();
        return services;
    }
}
