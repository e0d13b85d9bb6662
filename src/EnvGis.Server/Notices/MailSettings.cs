using System.Globalization;

namespace EnvGis.Server.Notices;

/// <summary>
/// The SMTP server reminders are e-mailed through (README "Settings", docs/operations.md). Without
/// <c>ENVGIS_SMTP_HOST</c> mail is off: reminders are still kept and shown in the portal.
/// </summary>
public sealed record MailSettings(string? Host, int Port, string From, string? UserName, string? Password, string Security)
{
    public const string SecurityNone = "none";
    public const string SecurityStartTls = "starttls";
    public const string SecuritySsl = "ssl";
    public const string SecurityAuto = "auto";

    public bool Configured => Host is not null;

    public static MailSettings Read(IConfiguration configuration)
    {
        var security = (configuration["ENVGIS_SMTP_SECURITY"] ?? SecurityAuto).Trim().ToLowerInvariant();
        if (security is not (SecurityNone or SecurityStartTls or SecuritySsl or SecurityAuto))
        {
            throw new InvalidOperationException($"ENVGIS_SMTP_SECURITY is none, starttls, ssl or auto, not '{security}'.");
        }

        var portText = configuration["ENVGIS_SMTP_PORT"];
        var port = 25;
        if (!string.IsNullOrWhiteSpace(portText)
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new InvalidOperationException($"ENVGIS_SMTP_PORT is a port number (1–65535), not '{portText}'.");
        }

        return new MailSettings(
            Host: Empty(configuration["ENVGIS_SMTP_HOST"]),
            Port: port,
            From: Empty(configuration["ENVGIS_SMTP_FROM"]) ?? "envgis@localhost",
            UserName: Empty(configuration["ENVGIS_SMTP_USER"]),
            Password: Empty(configuration["ENVGIS_SMTP_PASSWORD"]),
            Security: security);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
