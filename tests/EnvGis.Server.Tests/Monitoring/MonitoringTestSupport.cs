using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using EnvGis.Server.Tests.Infrastructure;

namespace EnvGis.Server.Tests.Monitoring;

/// <summary>Stations of their own for each test, datalogger files with times relative to now, and uploads.</summary>
public static class MonitoringTestSupport
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>A new live station (its own code); published and public unless told otherwise.</summary>
    public static async Task<(string Code, long Id)> StationAsync(this ServerFixture server, string owner = "so-nnmt", string type = "air",
        string status = "published", bool restricted = false, double lon = 106.68, double lat = 20.86)
    {
        var code = "MT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var id = await server.ScalarAsync<long>(
            """
            INSERT INTO data.monitoring_stations (code, name, station_type, automatic, owner_unit, status, restricted, created_by, updated_by, geom)
            VALUES ($1, 'Trạm thử ' || $1, $2, true, $3, $4, $5, 'monitoring-test', 'monitoring-test', ST_SetSRID(ST_MakePoint($6, $7), 4326))
            RETURNING id
            """, code, type, owner, status, restricted, lon, lat);
        return (code, id);
    }

    /// <summary>The start of the current hour minus <paramref name="hoursAgo"/>, in Việt Nam time.</summary>
    public static DateTimeOffset HourStart(int hoursAgo)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(Vietnam);
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, Vietnam).AddHours(-hoursAgo);
    }

    public static string Line(string parameter, double value, string unit, DateTimeOffset time, string status = "00") =>
        $"{parameter}\t{value.ToString(CultureInfo.InvariantCulture)}\t{unit}\t{time.ToOffset(Vietnam):yyyyMMddHHmmss}\t{status}";

    /// <summary>Readings every 5 minutes of one parameter over whole hours from <paramref name="start"/>, not beyond now.</summary>
    public static IEnumerable<string> Hours(string parameter, double value, string unit, DateTimeOffset start, int hours, string status = "00") =>
        Enumerable.Range(0, hours * 12).Select(i => start.AddMinutes(5 * i)).Where(t => t <= DateTimeOffset.UtcNow)
            .Select(t => Line(parameter, value, unit, t, status));

    public static byte[] Text(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    public static string FileName(string station, DateTimeOffset? time = null) =>
        $"{station}_{(time ?? DateTimeOffset.UtcNow).ToOffset(Vietnam):yyyyMMddHHmmss}.txt";

    public static byte[] Zip(params (string Name, byte[] Content)[] members)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in members)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/plain");
            form.Add(part, "file", name);
        }

        return await client.PostAsync("/api/monitoring/files", form);
    }

    public static Task<long> ObservationCountAsync(this ServerFixture server, long station) =>
        server.ScalarAsync<long>("SELECT count(*) FROM monitoring.observations WHERE station_id = $1", station);
}
