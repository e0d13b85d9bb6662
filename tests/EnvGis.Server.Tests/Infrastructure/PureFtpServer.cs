using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>
/// A real FTP server for tests: Debian's pure-ftpd (installed by scripts/test.sh) on a free 127.0.0.1
/// port with a throwaway virtual user whose home is <c>root</c>, atomic uploads (<c>--notruncate</c>: a file
/// is written under a hidden temporary name and renamed when complete), stopped and removed on dispose.
/// pure-ftpd needs root to switch to the virtual user's uid; the test machines run as root.
/// </summary>
public sealed class PureFtpServer : IAsyncDisposable
{
    public const string Program = "/usr/sbin/pure-ftpd";
    private const int NobodyId = 65534;

    private readonly Process process;
    private readonly string folder;

    private PureFtpServer(Process process, string folder, int port, string user, string password)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
        User = user;
        Password = password;
    }

    public int Port { get; }

    public string User { get; }

    public string Password { get; }

    public string Url(string path) => $"ftp://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public static async Task<PureFtpServer> StartAsync(string root)
    {
        Assert.True(File.Exists(Program), $"{Program} is missing: install the Debian package pure-ftpd (scripts/test.sh does).");
        Assert.True(Environment.UserName == "root", "pure-ftpd's virtual users need the tests to run as root (as scripts/test.sh and CI do).");
        var folder = Path.Combine(Path.GetTempPath(), "envgis-ftp-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var user = "dl" + Guid.NewGuid().ToString("N")[..8];
        var password = "Ftp-" + Guid.NewGuid().ToString("N")[..16];
        var (passwd, database) = (Path.Combine(folder, "passwd"), Path.Combine(folder, "pureftpd.pdb"));
        var created = await RunAsync("pure-pw", $"{password}\n{password}\n",
            "useradd", user, "-u", $"{NobodyId}", "-g", $"{NobodyId}", "-d", root, "-f", passwd, "-m", "-F", database);
        Assert.True(created.ExitCode == 0, "pure-pw useradd failed: " + created.Everything);
        var chown = await RunAsync("chown", null, "-R", $"{NobodyId}:{NobodyId}", root);
        Assert.True(chown.ExitCode == 0, chown.Everything);

        var port = FreePort();
        var passive = FreePort();
        var start = new ProcessStartInfo(Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--bind", $"127.0.0.1,{port}", "--login", $"puredb:{database}", "--noanonymous", "--notruncate", "--chrooteveryone",
                     "--dontresolve", "--passiveportrange", $"{passive}:{passive}", "--maxclientsnumber", "10",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("pure-ftpd did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PureFtpServer(process, folder, port, user, password);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, $"pure-ftpd exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Uploads a file with curl's FTP client (creating the folders on the way).</summary>
    public async Task UploadAsync(string localFile, string remotePath)
    {
        var result = await ExternalTool.RunAsync("curl",
            ["--silent", "--show-error", "--ftp-create-dirs", "--user", $"{User}:{Password}", "-T", localFile, Url(remotePath)]);
        Assert.True(result.ExitCode == 0, "curl FTP upload failed: " + result.Everything);
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

    private static async Task<ExternalTool.Result> RunAsync(string program, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ExternalTool.Result(process.ExitCode, await output, await error);
    }
}
