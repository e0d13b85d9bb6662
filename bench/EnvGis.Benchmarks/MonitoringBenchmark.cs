using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using EnvGis.Core.Security;
using EnvGis.Data.Monitoring;
using EnvGis.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Benchmarks;

/// <summary>
/// Continuous monitoring (README "Benchmarks", docs/monitoring.md):
/// 1. ingestion through the real path — datalogger files uploaded over HTTP, parsed, checked, stored
///    with binary COPY, aggregates, VN_AQI, exceedances and live values updated — against a raw binary
///    COPY of as many rows into the same partitioned table, in the same run;
/// 2. with more than 20 million observations loaded (60 stations × 8 parameters × 146 days of 5-minute
///    readings, generated here, with their hourly aggregates): the 30-day hourly chart of one station and
///    parameter (goal p95 &lt; 100 ms) and the latest values of all stations (goal &lt; 50 ms), through the
///    API, beside the same chart query as raw SQL.
/// </summary>
public static class MonitoringBenchmark
{
    private const int Stations = 60;
    private const int IngestDays = 3;
    private const int DatasetDays = 146;
    private const int Requests = 200;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static readonly (string Code, string Unit, double Base)[] Parameters =
    [
        ("PM2.5", "ug/m3", 35), ("PM10", "ug/m3", 60), ("SO2", "ug/m3", 30), ("NO2", "ug/m3", 40),
        ("CO", "ug/m3", 1500), ("O3", "ug/m3", 70), ("TEMP", "oC", 26), ("RH", "%", 75),
    ];

    /// <summary>Both parts (<c>monitoring</c>).</summary>
    public static async Task RunAsync(BenchmarkEnvironment env)
    {
        await IngestAsync(env);
        await ReadsAsync(env);
    }

    /// <summary>
    /// Part 1 alone (<c>monitoring-ingest</c>): the same 180 files uploaded one per request, then 180 more
    /// (other stations, same days) twenty to a request as a datalogger catching up or a drop-folder scan
    /// sends them, then the raw binary COPY baseline of as many rows.
    /// </summary>
    public static async Task IngestAsync(BenchmarkEnvironment env)
    {
        Console.WriteLine();
        Console.WriteLine("== monitoring ingestion");
        var single = await CreateStationsAsync(env, "BM-IN", Stations);
        var batched = await CreateStationsAsync(env, "BM-IB", Stations);
        var copy = await CreateStationsAsync(env, "BM-CP", Stations);
        var parameterIds = await ParameterIdsAsync(env);

        // One file per station and day (2 304 readings), two uploads at a time.
        var today = DateTimeOffset.UtcNow.ToOffset(Vietnam).Date;
        var days = Enumerable.Range(0, IngestDays).Select(d => new DateTimeOffset(today.AddDays(-40 + d), Vietnam)).ToList();
        var readings = Stations * IngestDays * 288 * Parameters.Length;
        // The administrator's Basic sign-in: every request pays a password hash (PBKDF2), part of the one-file figure.
        using var http = new HttpClient { BaseAddress = env.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{BenchmarkEnvironment.AdminPassword}")));
        // Warm up (JIT, pools, this month's partition) with one file of a station not measured.
        await UploadAsync(http, [(copy[0].Code, days[0].AddDays(-1))]);

        var cpu = new CpuMeter(env);
        var cpuBefore = cpu.Read();
        var singleSeconds = await UploadAllAsync(http, single, days, 1);
        var cpuSingle = cpu.Read();
        await CheckStoredAsync(env, single, readings);
        var cpuBatchedStart = cpu.Read();
        var batchedSeconds = await UploadAllAsync(http, batched, days, 20);
        var cpuBatched = cpu.Read();
        await CheckStoredAsync(env, batched, readings);

        // The baseline: the same number of rows by binary COPY straight into the partitioned table.
        var cpuCopyStart = cpu.Read();
        var clock = Stopwatch.StartNew();
        await using (var connection = await env.DataSource.OpenConnectionAsync())
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY monitoring.observations (station_id, observed_at, value, delivery_id, parameter_id, status) FROM STDIN (FORMAT BINARY)"))
        {
            var random = new Random(7);
            foreach (var station in copy)
            {
                foreach (var day in days)
                {
                    for (var i = 0; i < 288; i++)
                    {
                        var time = day.AddMinutes(5 * i).UtcDateTime;
                        for (var p = 0; p < Parameters.Length; p++)
                        {
                            await writer.StartRowAsync();
                            await writer.WriteAsync(station.Id, NpgsqlDbType.Bigint);
                            await writer.WriteAsync(time, NpgsqlDbType.TimestampTz);
                            await writer.WriteAsync(Parameters[p].Base * (0.8 + 0.4 * random.NextDouble()), NpgsqlDbType.Double);
                            await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
                            await writer.WriteAsync(parameterIds[Parameters[p].Code], NpgsqlDbType.Smallint);
                            await writer.WriteAsync((short)0, NpgsqlDbType.Smallint);
                        }
                    }
                }
            }

            await writer.CompleteAsync();
        }

        var copySeconds = clock.Elapsed.TotalSeconds;
        var cpuCopy = cpu.Read();
        Console.WriteLine($"  ingestion: {Stations * IngestDays} files × {288 * Parameters.Length:N0} readings = {readings:N0} observations per run");
        Console.WriteLine($"  {"real path, one file per request (HTTP → aggregates, AQI, exceedances, live)",-76} {readings / singleSeconds,10:N0} obs/s  ({singleSeconds:0.0} s)  goal ≥ 50 000");
        Console.WriteLine($"  {"real path, twenty files per request",-76} {readings / batchedSeconds,10:N0} obs/s  ({batchedSeconds:0.0} s)  goal ≥ 50 000");
        Console.WriteLine($"  {"raw binary COPY of the same number of rows",-76} {readings / copySeconds,10:N0} obs/s  ({copySeconds:0.0} s)");
        Console.WriteLine($"  {"ratio real path / COPY (one file per request; twenty per request)",-76} {copySeconds / singleSeconds,10:0.00}; {copySeconds / batchedSeconds:0.00}");
        // CPU per 1 000 observations, less sensitive to the other jobs on a shared machine than the rates above.
        double PerThousand(double seconds) => seconds * 1000_000 / readings;
        var (singleServer, singleDb) = (cpuSingle.Server - cpuBefore.Server, cpuSingle.Database - cpuBefore.Database);
        var (batchedServer, batchedDb) = (cpuBatched.Server - cpuBatchedStart.Server, cpuBatched.Database - cpuBatchedStart.Database);
        var copyDb = cpuCopy.Database - cpuCopyStart.Database;
        Console.WriteLine($"  CPU ms per 1 000 observations (server + PostgreSQL; COPY: PostgreSQL only, its client not counted):");
        Console.WriteLine($"  {"  real path, one file per request",-76} {PerThousand(singleServer + singleDb),10:0.0}  ({PerThousand(singleServer):0.0} + {PerThousand(singleDb):0.0})");
        Console.WriteLine($"  {"  real path, twenty files per request",-76} {PerThousand(batchedServer + batchedDb),10:0.0}  ({PerThousand(batchedServer):0.0} + {PerThousand(batchedDb):0.0})");
        Console.WriteLine($"  {"  raw binary COPY",-76} {PerThousand(copyDb),10:0.0}");
        Console.WriteLine($"  {"  CPU ratio COPY / real path (one file per request; twenty per request)",-76} {copyDb / (singleServer + singleDb),10:0.00}; {copyDb / (batchedServer + batchedDb):0.00}");
    }

    /// <summary>
    /// Uploads a file per station and day, <paramref name="perRequest"/> files to a request, two requests at a time; the seconds taken.
    /// The files go day by day, station after station within a day, as stations deliver: each station's datalogger sends its own
    /// files in time order while the other stations send theirs, so two requests at the same time are for different stations (a
    /// load holds its stations' locks; two requests for one station would wait on each other, which no datalogger does).
    /// </summary>
    private static async Task<double> UploadAllAsync(HttpClient http, List<(string Code, long Id)> stations, List<DateTimeOffset> days, int perRequest)
    {
        var files = days.SelectMany(d => stations.Select(s => (Station: s.Code, Day: d))).ToList();
        var queue = new Queue<(string Station, DateTimeOffset Day)[]>(files.Chunk(perRequest));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            while (true)
            {
                (string Station, DateTimeOffset Day)[] next;
                lock (queue)
                {
                    if (queue.Count == 0)
                    {
                        return;
                    }

                    next = queue.Dequeue();
                }

                await UploadAsync(http, next);
            }
        }));
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task CheckStoredAsync(BenchmarkEnvironment env, List<(string Code, long Id)> stations, long readings)
    {
        var stored = await ScalarAsync<long>(env, "SELECT count(*) FROM monitoring.observations WHERE station_id = ANY($1)", stations.Select(s => s.Id).ToArray());
        if (stored != readings)
        {
            throw new InvalidOperationException($"Expected {readings} observations stored, found {stored}.");
        }
    }

    /// <summary>Part 2 (<c>monitoring</c> only): the chart and latest-values reads over more than 20 million observations.</summary>
    public static async Task ReadsAsync(BenchmarkEnvironment env)
    {
        Console.WriteLine();
        Console.WriteLine("== monitoring reads");
        var dataset = await CreateStationsAsync(env, "BM-DS", Stations);
        var parameterIds = await ParameterIdsAsync(env);
        using var http = new HttpClient { BaseAddress = env.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{BenchmarkEnvironment.AdminPassword}")));
        var clock = Stopwatch.StartNew();

        var total = await GenerateDatasetAsync(env, dataset, parameterIds);
        Console.WriteLine($"  dataset: {total:N0} observations in monitoring.observations ({Stations} stations × {Parameters.Length} parameters × {DatasetDays} days of 5-minute readings + the above), generated in {clock.Elapsed.TotalSeconds:0} s");

        var random2 = new Random(11);
        var now = DateTimeOffset.UtcNow;
        var from = now.AddDays(-30);
        var api = new List<double>();
        var sql = new List<double>();
        await using (var connection = await env.DataSource.OpenConnectionAsync())
        {
            for (var i = 0; i < Requests + 10; i++)
            {
                var station = dataset[random2.Next(dataset.Count)];
                var parameter = Parameters[random2.Next(Parameters.Length)].Code;
                clock.Restart();
                using (var response = await http.GetAsync(
                           $"/api/monitoring/stations/{station.Code}/observations?parameter={Uri.EscapeDataString(parameter)}&interval=hour&from={Uri.EscapeDataString(from.ToString("o"))}&to={Uri.EscapeDataString(now.ToString("o"))}"))
                {
                    response.EnsureSuccessStatusCode();
                    var body = await response.Content.ReadAsStringAsync();
                    if (i == 0 && !body.Contains("\"values\":[{", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("The chart query returned no values: " + body[..Math.Min(300, body.Length)]);
                    }
                }

                var apiMs = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await using (var command = new NpgsqlCommand(
                    """
                    SELECT hour, mean, min, max, coverage, calibrating, fault FROM monitoring.hourly
                    WHERE station_id = $1 AND parameter_id = $2 AND hour >= $3 AND hour < $4 ORDER BY hour
                    """, connection))
                {
                    command.Parameters.AddWithValue(station.Id);
                    command.Parameters.AddWithValue(parameterIds[parameter]);
                    command.Parameters.AddWithValue(from.UtcDateTime);
                    command.Parameters.AddWithValue(now.UtcDateTime);
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                    }
                }

                if (i >= 10)
                {
                    api.Add(apiMs);
                    sql.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        // The same chart as the public map's station popup asks for it: anonymously (a published station).
        using var anonymous = new HttpClient { BaseAddress = env.BaseUrl };
        var publicApi = new List<double>();
        for (var i = 0; i < Requests + 10; i++)
        {
            var station = dataset[random2.Next(dataset.Count)];
            var parameter = Parameters[random2.Next(Parameters.Length)].Code;
            clock.Restart();
            using (var response = await anonymous.GetAsync(
                       $"/api/monitoring/stations/{station.Code}/observations?parameter={Uri.EscapeDataString(parameter)}&interval=hour&from={Uri.EscapeDataString(from.ToString("o"))}&to={Uri.EscapeDataString(now.ToString("o"))}"))
            {
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsStringAsync();
            }

            if (i >= 10)
            {
                publicApi.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var latest = new List<double>();
        var count = 0;
        for (var i = 0; i < Requests + 10; i++)
        {
            clock.Restart();
            var body = await anonymous.GetStringAsync("/api/monitoring/stations");
            if (i >= 10)
            {
                latest.Add(clock.Elapsed.TotalMilliseconds);
            }

            count = body.Split("\"code\":").Length - 1;
        }

        Console.WriteLine($"  {"30-day hourly chart, one station and parameter (API)",-56} p50 {Percentile(api, 50),7:0.0} ms  p95 {Percentile(api, 95),7:0.0} ms  goal p95 < 100 ms");
        Console.WriteLine($"  {"the same chart, anonymous (as the public map asks)",-56} p50 {Percentile(publicApi, 50),7:0.0} ms  p95 {Percentile(publicApi, 95),7:0.0} ms  goal p95 < 100 ms");
        Console.WriteLine($"  {"the same query as raw SQL",-56} p50 {Percentile(sql, 50),7:0.0} ms  p95 {Percentile(sql, 95),7:0.0} ms");
        Console.WriteLine($"  {$"latest values of all {count} stations (API)",-56} p50 {Percentile(latest, 50),7:0.0} ms  p95 {Percentile(latest, 95),7:0.0} ms  goal < 50 ms");
        await ExplainReadsAsync(env, dataset[0], parameterIds[Parameters[0].Code], from.UtcDateTime, now.UtcDateTime);
    }

    /// <summary>
    /// EXPLAIN (ANALYZE, BUFFERS) of the statements behind the two reads, as the server runs them: their
    /// execution times depend far less on the shared machine's load than wall-clock figures.
    /// </summary>
    private static async Task ExplainReadsAsync(BenchmarkEnvironment env, (string Code, long Id) station, short parameter, DateTime from, DateTime to)
    {
        var visible = await ScalarAsync<long[]>(env, "SELECT array_agg(id) FROM data.monitoring_stations WHERE status <> 'archived'");
        (string Name, string Sql, (string, object)[] Parameters)[] statements =
        [
            ("chart: the station by code (anonymous)", MonitoringStationStore.ListSql(ReadScope.Anonymous, byCode: true), [("code", station.Code)]),
            ("chart: 30 days of hourly means", ObservationQueries.HourlySql, [("s", station.Id), ("p", parameter), ("from", from), ("to", to)]),
            ("latest: the visible stations (anonymous)", MonitoringStationStore.ListSql(ReadScope.Anonymous, byCode: false), []),
            ("latest: their series' latest values", MonitoringStationStore.LatestSql, [("stations", visible)]),
        ];
        foreach (var (name, sql, parameters) in statements)
        {
            await using var command = env.DataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql);
            Visibility.AddParameters(ReadScope.Anonymous, command.Parameters);
            foreach (var (key, value) in parameters)
            {
                command.Parameters.AddWithValue(key, value);
            }

            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            Console.WriteLine($"  EXPLAIN {name}:");
            foreach (var line in plan)
            {
                Console.WriteLine("    " + line);
            }
        }
    }

    private static async Task UploadAsync(HttpClient http, (string Station, DateTimeOffset Day)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (station, day) in files)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(FileText(station, day))), "file", $"{station}_{day:yyyyMMdd}000000.txt");
        }

        using var response = await http.PostAsync("/api/monitoring/files", form);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload of {files[0].Station} {files[0].Day:yyyy-MM-dd} (+{files.Length - 1}) failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A day of 5-minute readings of the eight parameters, every 97th reading calibrating.</summary>
    private static string FileText(string station, DateTimeOffset day)
    {
        var text = new StringBuilder(288 * Parameters.Length * 40);
        var random = new Random(HashCode.Combine(station, day.Day));
        for (var i = 0; i < 288; i++)
        {
            var time = day.AddMinutes(5 * i).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            foreach (var (code, unit, @base) in Parameters)
            {
                var value = @base * (0.8 + 0.4 * random.NextDouble());
                text.Append(code).Append('\t').Append(value.ToString("0.##", CultureInfo.InvariantCulture)).Append('\t').Append(unit).Append('\t')
                    .Append(time).Append('\t').Append(i % 97 == 0 ? "01" : "00").Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Readings every 5 minutes up to the last hour, hourly aggregates and the series' latest values, station by station.</summary>
    private static async Task<long> GenerateDatasetAsync(BenchmarkEnvironment env, List<(string Code, long Id)> stations,
        Dictionary<string, short> parameterIds)
    {
        var to = DateTimeOffset.UtcNow.AddHours(-1);
        var from = to.AddDays(-DatasetDays);
        for (var month = from; month <= to.AddMonths(1); month = month.AddMonths(1))
        {
            await ScalarAsync<string>(env, "SELECT monitoring.ensure_partition($1)", month.UtcDateTime);
        }

        var ids = Parameters.Select(p => parameterIds[p.Code]).ToArray();
        var bases = Parameters.Select(p => p.Base).ToArray();
        foreach (var (_, id) in stations)
        {
            await using var connection = await env.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(
                """
                SET LOCAL synchronous_commit = off;
                INSERT INTO monitoring.observations (station_id, observed_at, value, delivery_id, parameter_id, status)
                SELECT @station, t, greatest(0, p.base * (1 + 0.4 * sin(extract(epoch FROM t) / 43200.0 + p.id)) + random() * p.base * 0.2),
                       0, p.id, CASE WHEN random() < 0.003 THEN 1 ELSE 0 END
                FROM unnest(@ids, @bases) AS p (id, base)
                CROSS JOIN generate_series(date_trunc('hour', @from::timestamptz), @to::timestamptz, interval '5 minutes') AS t;
                INSERT INTO monitoring.hourly (station_id, parameter_id, hour, mean, min, max, valid, calibrating, fault, coverage)
                SELECT station_id, parameter_id, date_trunc('hour', observed_at, 'Asia/Ho_Chi_Minh'),
                       avg(value) FILTER (WHERE status = 0), min(value) FILTER (WHERE status = 0), max(value) FILTER (WHERE status = 0),
                       count(*) FILTER (WHERE status = 0), count(*) FILTER (WHERE status = 1), 0, least(1, count(*) FILTER (WHERE status = 0) / 12.0)
                FROM monitoring.observations WHERE station_id = @station GROUP BY 1, 2, 3;
                INSERT INTO monitoring.series (station_id, parameter_id, first_at, last_at, last_value, last_status)
                SELECT DISTINCT ON (parameter_id) station_id, parameter_id, @from, observed_at, value, status
                FROM monitoring.observations WHERE station_id = @station AND observed_at > @to::timestamptz - interval '1 hour'
                ORDER BY parameter_id, observed_at DESC;
                """, connection, transaction);
            command.CommandTimeout = 1200;
            command.Parameters.AddWithValue("station", id);
            command.Parameters.AddWithValue("ids", ids);
            command.Parameters.AddWithValue("bases", bases);
            command.Parameters.AddWithValue("from", from.UtcDateTime);
            command.Parameters.AddWithValue("to", to.UtcDateTime);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await using (var analyze = env.DataSource.CreateCommand("ANALYZE monitoring.observations; ANALYZE monitoring.hourly; ANALYZE monitoring.series"))
        {
            analyze.CommandTimeout = 1200;
            await analyze.ExecuteNonQueryAsync();
        }

        return await ScalarAsync<long>(env, "SELECT count(*) FROM monitoring.observations");
    }

    private static async Task<List<(string Code, long Id)>> CreateStationsAsync(BenchmarkEnvironment env, string prefix, int count)
    {
        var list = new List<(string, long)>();
        for (var i = 1; i <= count; i++)
        {
            var code = $"{prefix}-{i:00}";
            var id = await ScalarAsync<long>(env,
                """
                INSERT INTO data.monitoring_stations (code, name, station_type, automatic, owner_unit, status, created_by, updated_by, geom)
                VALUES ($1, 'Trạm hiệu năng ' || $1, 'air', true, 'so-nnmt', 'published', 'benchmark', 'benchmark',
                        ST_SetSRID(ST_MakePoint(106.2 + random() * 0.9, 20.65 + random() * 0.5), 4326))
                RETURNING id
                """, code);
            list.Add((code, id));
        }

        return list;
    }

    private static async Task<Dictionary<string, short>> ParameterIdsAsync(BenchmarkEnvironment env)
    {
        var ids = new Dictionary<string, short>(StringComparer.Ordinal);
        await using var command = env.DataSource.CreateCommand("SELECT code, id FROM monitoring.parameters");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids[reader.GetString(0)] = reader.GetInt16(1);
        }

        return ids;
    }

    private static async Task<T> ScalarAsync<T>(BenchmarkEnvironment env, string sql, params object[] parameters)
    {
        await using var command = env.DataSource.CreateCommand(sql);
        command.CommandTimeout = 1200;
        foreach (var p in parameters)
        {
            command.Parameters.AddWithValue(p);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
