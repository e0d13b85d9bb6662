using System.Diagnostics;

namespace EnvGis.Data.Embedded;

/// <summary>
/// Runs PostgreSQL's tools. PostgreSQL refuses to run as root, so when this process is root the
/// tools run as the unprivileged 'postgres' user (created by Debian's postgresql packages).
/// </summary>
internal static class ProcessRunner
{
    public const string ServiceUser = "postgres";

    public static bool IsRoot { get; } = Environment.UserName == "root";

    public static async Task<string> RunAsync(
        string program, IReadOnlyList<string> arguments, TimeSpan timeout, bool asServiceUser = true)
    {
        var (exitCode, output) = await TryRunAsync(program, arguments, timeout, asServiceUser);
        if (exitCode != 0)
        {
            throw new EmbeddedClusterException(
                $"{Path.GetFileName(program)} failed (exit {exitCode}): {output.Trim()}");
        }

        return output;
    }

    /// <summary>Runs a tool (as the service user when root, unless told otherwise) and returns its exit code and output (stdout then stderr).</summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(
        string program, IReadOnlyList<string> arguments, TimeSpan timeout, bool asServiceUser = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot && asServiceUser)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", ServiceUser, "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        // The tools print in the C locale so messages in errors are readable whatever the host's locale.
        start.Environment["LC_MESSAGES"] = "C";
        using var process = Process.Start(start)
            ?? throw new EmbeddedClusterException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new EmbeddedClusterException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
