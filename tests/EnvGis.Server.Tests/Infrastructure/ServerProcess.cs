using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EnvGis.Server.Tests.Infrastructure;

/// <summary>
/// The real server as its own process (<c>dotnet EnvGis.Server.dll</c>, as ./scripts/run.sh runs it):
/// for what only a process shows — its exit code, what it prints, the user it runs as.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The server build the tests were built with (same configuration).</summary>
    public static string ServerFolder { get; } = Path.Combine(RepositoryPaths.Root, "src", "EnvGis.Server", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release",
        "net10.0");

    /// <summary>
    /// Starts the server on a free port with <paramref name="environment"/>, in <paramref name="workingDirectory"/>
    /// (its content root: the portal is served from its wwwroot), as <paramref name="user"/> when given.
    /// </summary>
    public static ServerProcess Start(IDictionary<string, string> environment, string workingDirectory, string? user = null,
        string? serverFolder = null, int? port = null)
    {
        var chosenPort = port ?? FreePort();
        var dll = Path.Combine(serverFolder ?? ServerFolder, "EnvGis.Server.dll");
        var start = new ProcessStartInfo(user is null ? "dotnet" : "setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (user is not null)
        {
            foreach (var a in new[] { "--reuid", user, "--regid", user, "--init-groups", "--", "dotnet" })
            {
                start.ArgumentList.Add(a);
            }
        }

        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{chosenPort}");
        foreach (var name in new[] { "ENVGIS_DB", "ConnectionStrings__EnvGis", "ENVGIS_DATA_DIR", "ENVGIS_URLS", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), chosenPort);
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        await process.WaitForExitAsync(cts.Token);
        process.WaitForExit(); // drains the output readers
        return process.ExitCode;
    }

    /// <summary>Waits until /health/ready answers 200 (or the process ends, or the deadline passes).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan deadline)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server ended with exit code {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy machine: ask again.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not answer within {deadline}:\n{Output}");
    }

    /// <summary>Asks the server to stop (SIGTERM, as Ctrl+C or systemd would) and waits for it to end.</summary>
    public async Task<int> StopAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(TimeSpan.FromMinutes(2));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                await StopAsync();
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
