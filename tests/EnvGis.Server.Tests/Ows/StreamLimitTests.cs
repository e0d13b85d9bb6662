using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EnvGis.Ows.Dispatch;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EnvGis.Server.Tests.Ows;

/// <summary>
/// Slow readers of streamed WFS answers (real sockets that read a few KB at a time) cannot starve the
/// server: one client gets at most its share of streams, the next is refused at once with 503 and
/// Retry-After, everyone else is served, and a closed reader gives its stream back (docs/hardening.md).
/// </summary>
[Collection("server")]
public sealed class StreamLimitTests(ServerFixture server)
{
    // About 3 MB of GML: far more than a small socket buffer and Kestrel's own buffers hold.
    private static readonly string BigGetFeature = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=100000&TYPENAMES="
        + string.Join(",", Enumerable.Repeat("envgis:communes", RequestLimits.MaxQueries));

    [Fact]
    public async Task Slow_readers_get_their_share_and_no_more_and_give_it_back_when_they_go()
    {
        var slots = server.Services.GetRequiredService<StreamSlots>();
        const string slowClient = "192.0.2.50";
        var readers = new List<SlowReader>();
        try
        {
            for (var i = 0; i < slots.PerClient; i++)
            {
                readers.Add(await SlowReader.StartAsync(server.BaseUrl, BigGetFeature, slowClient));
            }

            Assert.All(readers, r => Assert.StartsWith("HTTP/1.1 200", r.Head, StringComparison.Ordinal));

            // One more from the same client: refused at once, in the protocol's form.
            using var client = new HttpClient { BaseAddress = server.BaseUrl };
            var clock = Stopwatch.StartNew();
            using (var extra = new HttpRequestMessage(HttpMethod.Get, BigGetFeature))
            {
                extra.Headers.Add("X-Forwarded-For", slowClient);
                using var refused = await client.SendAsync(extra);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
                Assert.Contains("At most", await refused.Content.ReadAsStringAsync());
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the refusal took {clock.Elapsed}");

            // Everyone else is served meanwhile: another client's download, tiles, the API.
            using (var other = new HttpRequestMessage(HttpMethod.Get, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:rivers"))
            {
                other.Headers.Add("X-Forwarded-For", "192.0.2.51");
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tiles/communes/10/816/451.mvt")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/layers")).StatusCode);
            Assert.True(readers.All(r => r.BytesRead < 2_000_000), "the readers must still be reading");
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }

        // Gone readers give their streams back (the server's next write fails and ends the answer).
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (slots.InUse > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, slots.InUse);
        using var again = new HttpClient { BaseAddress = server.BaseUrl };
        using var retry = new HttpRequestMessage(HttpMethod.Get, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=envgis:rivers");
        retry.Headers.Add("X-Forwarded-For", slowClient);
        Assert.Equal(HttpStatusCode.OK, (await again.SendAsync(retry)).StatusCode);
    }

    /// <summary>A client with a tiny receive buffer that reads 4 KB every 100 ms (40 KB/s: above Kestrel's minimum rate).</summary>
    private sealed class SlowReader : IDisposable
    {
        private readonly Socket socket;
        private readonly CancellationTokenSource stop = new();
        private long bytesRead;

        private SlowReader(Socket socket, string head)
        {
            this.socket = socket;
            Head = head;
            _ = Task.Run(ReadSlowlyAsync);
        }

        public string Head { get; }

        public long BytesRead => Interlocked.Read(ref bytesRead);

        public static async Task<SlowReader> StartAsync(Uri server, string path, string forwardedFor)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
            await socket.ConnectAsync(IPAddress.Loopback, server.Port);
            await socket.SendAsync(Encoding.ASCII.GetBytes(
                $"GET {path} HTTP/1.1\r\nHost: {server.Authority}\r\nX-Forwarded-For: {forwardedFor}\r\nConnection: close\r\n\r\n"));
            var buffer = new byte[1024];
            var read = await socket.ReceiveAsync(buffer);
            return new SlowReader(socket, Encoding.ASCII.GetString(buffer, 0, read));
        }

        private async Task ReadSlowlyAsync()
        {
            var buffer = new byte[4096];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    Interlocked.Add(ref bytesRead, read);
                    await Task.Delay(100, stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            socket.Dispose();
            stop.Dispose();
        }
    }
}
