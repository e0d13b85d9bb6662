using System.Diagnostics;
using System.Net.Sockets;
using EnvGis.Core.Catalogue;
using EnvGis.Core.Styling;
using Npgsql;

namespace EnvGis.Benchmarks;

/// <summary>
/// MapServer 8 (Debian's mapserver-bin) as production deployments run it: <c>mapserv</c> as FastCGI
/// processes managed by lighttpd's mod_fastcgi, one process per concurrent request, each keeping its
/// PostGIS connection open between requests (CLOSE_CONNECTION=DEFER in the mapfile). It reads the
/// benchmark's PostGIS through a read-only role and a mapfile generated from the EnvGis styles.
/// </summary>
public sealed class WmsMapServer : IAsyncDisposable
{
    private const string Role = "mapserver_bench";

    private readonly string directory;
    private readonly Process lighttpd;

    private WmsMapServer(string directory, Process lighttpd, Uri url)
    {
        this.directory = directory;
        this.lighttpd = lighttpd;
        Url = url;
    }

    /// <summary>The WMS endpoint (append ?SERVICE=WMS&amp;...).</summary>
    public Uri Url { get; }

    public static string? Missing()
    {
        foreach (var tool in new[] { "/usr/bin/mapserv", "/usr/sbin/lighttpd" })
        {
            if (!File.Exists(tool))
            {
                return tool;
            }
        }

        return null;
    }

    public static async Task<WmsMapServer> StartAsync(BenchmarkEnvironment env, string repositoryRoot,
        IReadOnlyList<(LayerDefinition Layer, LayerStyle Style)> layers, int processes)
    {
        var directory = Path.Combine(Path.GetTempPath(), "envgis-mapserver-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var password = Guid.NewGuid().ToString("N");
        await using (var command = env.DataSource.CreateCommand($"""
            DO $$ BEGIN
              IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{Role}') THEN EXECUTE 'DROP OWNED BY {Role}'; EXECUTE 'DROP ROLE {Role}'; END IF;
            END $$;
            CREATE ROLE {Role} LOGIN PASSWORD '{password}';
            GRANT USAGE ON SCHEMA data TO {Role};
            GRANT SELECT ON ALL TABLES IN SCHEMA data TO {Role};
            GRANT SELECT ON spatial_ref_sys TO {Role};
            """))
        {
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(env.DataSource.ConnectionString);
        var libpq = $"host={builder.Host} port={builder.Port} dbname={builder.Database} user={Role} password={password}";
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/mapserv");
        var fontset = Path.Combine(directory, "fonts.txt");
        await File.WriteAllTextAsync(fontset, WmsMapfile.Fontset(Path.Combine(repositoryRoot, "src", "EnvGis.Ows", "Fonts")));
        var mapfile = Path.Combine(directory, "envgis.map");
        await File.WriteAllTextAsync(mapfile, WmsMapfile.Write(layers, libpq, fontset, url + "?"));
        var config = Path.Combine(directory, "mapserver.conf");
        await File.WriteAllTextAsync(config, $"""
            CONFIG
              ENV
                MS_MAPFILE "{mapfile}"
                MS_ERRORFILE "{Path.Combine(directory, "mapserver-errors.txt")}"
              END
            END
            """);
        var lighttpdConfig = Path.Combine(directory, "lighttpd.conf");
        await File.WriteAllTextAsync(lighttpdConfig, $"""
            server.modules = ("mod_fastcgi")
            server.bind = "127.0.0.1"
            server.port = {port}
            server.document-root = "{directory}"
            server.errorlog = "{Path.Combine(directory, "lighttpd-errors.log")}"
            server.max-connections = 256
            fastcgi.server = ( "/mapserv" => ((
                "bin-path" => "/usr/bin/mapserv",
                "socket" => "{Path.Combine(directory, "mapserv.sock")}",
                "max-procs" => {processes},
                "check-local" => "disable",
                "bin-environment" => ( "MAPSERVER_CONFIG_FILE" => "{config}" )
            )) )
            """);
        var start = new ProcessStartInfo("/usr/sbin/lighttpd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-D", "-f", lighttpdConfig })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("lighttpd did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("lighttpd: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new WmsMapServer(directory, process, url);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public string ErrorLog()
    {
        var file = Path.Combine(directory, "mapserver-errors.txt");
        return File.Exists(file) ? File.ReadAllText(file) : "";
    }

    public async ValueTask DisposeAsync()
    {
        if (!lighttpd.HasExited)
        {
            // lighttpd stops its FastCGI children when it stops.
            lighttpd.Kill(entireProcessTree: true);
            await lighttpd.WaitForExitAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a child may still hold the socket for a moment; the folder is in /tmp
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (lighttpd.HasExited)
            {
                throw new InvalidOperationException($"lighttpd exited with code {lighttpd.ExitCode}; see {directory}");
            }

            try
            {
                var response = await http.GetAsync(Url + "?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && body.Contains("WMS_Capabilities", StringComparison.Ordinal))
                {
                    return;
                }

                if (response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException("MapServer does not answer GetCapabilities: " + body[..Math.Min(body.Length, 1000)]);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("MapServer under lighttpd did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
