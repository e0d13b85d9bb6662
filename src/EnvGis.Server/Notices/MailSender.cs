using EnvGis.Data.Notices;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace EnvGis.Server.Notices;

/// <summary>Sends one reminder by e-mail through the configured SMTP server (MailKit), Vietnamese first, English below.</summary>
public sealed class MailSender(MailSettings settings, string? publicUrl)
{
    public bool Configured => settings.Configured;

    public async Task SendAsync(PendingMail mail, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        foreach (var to in mail.EmailTo.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = $"{mail.SubjectVi} / {mail.SubjectEn}";
        var link = mail.Link is null ? "" : $"\n\n{(publicUrl is null ? "" : publicUrl + "/")}{mail.Link}";
        message.Body = new TextPart("plain") { Text = $"{mail.BodyVi}\n\n---\n\n{mail.BodyEn}{link}\n" };

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = settings.Security switch
        {
            MailSettings.SecurityNone => SecureSocketOptions.None,
            MailSettings.SecurityStartTls => SecureSocketOptions.StartTls,
            MailSettings.SecuritySsl => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("No SMTP server is configured."), settings.Port, security, ct);
        if (settings.UserName is not null)
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
