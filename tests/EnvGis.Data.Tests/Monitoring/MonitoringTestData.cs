using System.Globalization;
using System.Text;
using EnvGis.Data.Monitoring;
using EnvGis.Data.Records;
using EnvGis.Data.Tests.Infrastructure;
using EnvGis.Data.Tests.Records;

namespace EnvGis.Data.Tests.Monitoring;

/// <summary>Stations of their own for each test, datalogger files, and the delivery service over the test cluster.</summary>
public static class MonitoringTestData
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>A new station (published, owned by the record tests' city unit); returns its code and id.</summary>
    public static async Task<(string Code, long Id)> StationAsync(ClusterFixture fixture, string type = "air")
    {
        await RecordTestData.EnsureAsync(fixture);
        var code = "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var id = await fixture.ScalarAsync<long>(
            $"""
            INSERT INTO data.monitoring_stations (code, name, station_type, automatic, owner_unit, status, created_by, updated_by, geom)
            VALUES ($1, 'Trạm thử ' || $1, $2, true, '{RecordTestData.CityUnit}', 'published', 't', 't', ST_SetSRID(ST_MakePoint(106.65, 20.85), 4326))
            RETURNING id
            """, code, type);
        return (code, id);
    }

    public static DeliveryService Service(ClusterFixture fixture, DateTimeOffset now) =>
        new(fixture.DataSource, new MonitoringCatalogueStore(fixture.DataSource), new MonitoringRulesStore(fixture.DataSource), new FixedClock(now));

    public static DeliveryActor Administrator { get; } = new("admin", "so-nnmt", true, true, DeliveryActor.Http);

    /// <summary>A datalogger file named after the station and the first line's time.</summary>
    public static DeliveryFile File(string station, IEnumerable<string> lines, DateTimeOffset? at = null)
    {
        var list = lines.ToList();
        var time = at ?? DateTimeOffset.ParseExact(list[0].Split('\t')[3], "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return new DeliveryFile($"{station}_{time:yyyyMMddHHmmss}.txt", [], Encoding.UTF8.GetBytes(string.Join("\n", list) + "\n"));
    }

    public static string Line(string parameter, double value, string unit, DateTimeOffset localTime, string status = "00") =>
        $"{parameter}\t{value.ToString(CultureInfo.InvariantCulture)}\t{unit}\t{localTime.ToOffset(Vietnam):yyyyMMddHHmmss}\t{status}";

    /// <summary>5-minute lines of one parameter at one value over whole hours starting at <paramref name="start"/> (Việt Nam time).</summary>
    public static IEnumerable<string> Hours(string parameter, double value, string unit, DateTimeOffset start, int hours, string status = "00") =>
        Enumerable.Range(0, hours * 12).Select(i => Line(parameter, value, unit, start.AddMinutes(5 * i), status));

    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, Vietnam);
}
