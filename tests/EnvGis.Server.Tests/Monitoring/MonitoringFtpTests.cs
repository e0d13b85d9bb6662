using EnvGis.Server.Monitoring;
using EnvGis.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static EnvGis.Server.Tests.Monitoring.MonitoringTestSupport;

namespace EnvGis.Server.Tests.Monitoring;

/// <summary>
/// The FTP drop folder end to end: a real pure-ftpd serves the server's <c>monitoring/inbox</c>, curl uploads
/// into a station's <c>YYYY/MM/DD/</c> folder; the server loads the file and moves it to <c>processed/</c>,
/// or to <c>rejected/</c> with a reason file. Hidden files (pure-ftpd's temporary upload names) are left alone.
/// </summary>
[Collection("server")]
public sealed class MonitoringFtpTests(ServerFixture server)
{
    [Fact]
    public async Task Files_uploaded_over_FTP_are_loaded_or_rejected_with_a_reason_and_moved()
    {
        var folders = server.Services.GetRequiredService<MonitoringFolders>();
        var (code, id) = await server.StationAsync();
        var at = HourStart(1);
        var name = FileName(code, at);
        var day = at.ToOffset(Vietnam).ToString("yyyy'/'MM'/'dd");
        var local = Path.Combine(Path.GetTempPath(), "envgis-ftp-upload-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(local);
        try
        {
            // An upload in progress under pure-ftpd's temporary name is never taken.
            var partial = Path.Combine(folders.Inbox, code, ".pureftpd-upload.5f3a.0001");
            Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
            await File.WriteAllTextAsync(partial, "PM2.5\t1");

            await using var ftp = await PureFtpServer.StartAsync(folders.Inbox);
            await File.WriteAllBytesAsync(Path.Combine(local, name), Text(Hours("PM2.5", 25, "ug/m3", at, 1)));
            await ftp.UploadAsync(Path.Combine(local, name), $"{code}/{day}/{name}");

            var bad = $"NO-SUCH-STATION_{at.ToOffset(Vietnam):yyyyMMddHHmmss}.txt";
            await File.WriteAllBytesAsync(Path.Combine(local, bad), Text([Line("PM2.5", 25, "ug/m3", at)]));
            await ftp.UploadAsync(Path.Combine(local, bad), bad);

            var mismatch = $"{code}_{at.ToOffset(Vietnam):yyyyMMddHHmmss}.txt";
            var (other, _) = await server.StationAsync();
            await File.WriteAllBytesAsync(Path.Combine(local, mismatch), Text([Line("PM2.5", 25, "ug/m3", at)]));
            await ftp.UploadAsync(Path.Combine(local, mismatch), $"{other}/{mismatch}");

            var processed = Path.Combine(folders.Processed, code, day, name);
            await WaitForAsync(() => File.Exists(processed), $"{processed} to appear");
            Assert.Equal(12L, await server.ObservationCountAsync(id));
            Assert.False(File.Exists(Path.Combine(folders.Inbox, code, day, name)));

            var rejected = Path.Combine(folders.Rejected, bad);
            await WaitForAsync(() => File.Exists(rejected + ".reason.txt"), $"{rejected}.reason.txt to appear");
            Assert.Contains("unknown-station", await File.ReadAllTextAsync(rejected + ".reason.txt"));
            Assert.True(File.Exists(rejected));

            var mismatched = Path.Combine(folders.Rejected, other, mismatch);
            await WaitForAsync(() => File.Exists(mismatched + ".reason.txt"), $"{mismatched}.reason.txt to appear");
            Assert.Contains("station-mismatch", await File.ReadAllTextAsync(mismatched + ".reason.txt"));

            Assert.True(File.Exists(partial), "a hidden (in-progress) upload must stay untouched");
            File.Delete(partial);
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
