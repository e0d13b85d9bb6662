using System.Net.Sockets;
using Microsoft.Extensions.Hosting;

namespace EnvGis.Server.Hosting;

/// <summary>
/// Turns a failure before the server takes requests (bad setting, missing packages, unreachable data
/// folder, address in use, database down) into one line for the console, without a stack trace.
/// </summary>
public static class StartupFailure
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private static volatile bool started;

    /// <summary>
    /// Keeps the host's own report of a failed start (a stack trace) off the console: until the server
    /// has started, that category logs only critical messages; afterwards it logs as usual.
    /// </summary>
    public static void QuietenHostUntilStarted(WebApplicationBuilder builder) =>
        builder.Logging.AddFilter(HostCategory, level => level >= (started ? LogLevel.Information : LogLevel.Critical));

    public static void MarkStarted() => started = true;

    /// <summary>False for the test host's deliberate stop, which must travel on.</summary>
    public static bool IsReportable(Exception exception) => exception is not HostAbortedException;

    public static string Describe(Exception exception)
    {
        var e = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var reason = e switch
        {
            IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } or
                IOException when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                => $"{FirstLine(e.Message)} Another program listens there; choose another address with --urls or ENVGIS_URLS.",
            Npgsql.NpgsqlException => $"the database did not answer: {FirstLine(e.Message)}",
            _ => FirstLine(e.Message),
        };
        return "EnvGis could not start: " + reason;
    }

    private static string FirstLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 600 ? line[..600] + "…" : line;
    }
}
