using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd (package python3-aiosmtpd, installed by
/// scripts/test.sh) on a free 127.0.0.1 port, delivering every message into a throwaway Maildir that
/// the test reads back; stopped and removed on dispose.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process process;
    private readonly string folder;

    private SmtpSink(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install the Debian package python3-aiosmtpd (scripts/test.sh does).");
        var folder = Path.Combine(Path.GetTempPath(), "envgis-smtp-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo(Python) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "maildir") })
        {
            start.ArgumentList.Add(argument);
        }

        var errors = new System.Text.StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, "aiosmtpd exited (is python3-aiosmtpd installed?): " + errors);
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpSink(process, folder, port);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The messages delivered so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var delivered = Path.Combine(folder, "maildir", "new");
        return Directory.Exists(delivered)
            ? Directory.GetFiles(delivered).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
