using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Ows;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>Downloads saved to a temporary folder per test, read back with GDAL.</summary>
public static partial class OpenDataTestSupport
{
    /// <summary>GETs a download and saves it under <paramref name="folder"/>; fails the test unless it is a 200.</summary>
    public static async Task<(string Path, HttpResponseMessage Response)> DownloadAsync(this HttpClient client, string path, string folder, string fileName)
    {
        var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"{path} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var file = Path.Combine(folder, fileName);
        await using (var output = File.Create(file))
        {
            await response.Content.CopyToAsync(output);
        }

        return (file, response);
    }

    /// <summary>A fresh folder under the temp dir, removed by the returned handle.</summary>
    public static TempFolder NewFolder() => new(Path.Combine(Path.GetTempPath(), "envgis-opendata-test-" + Guid.NewGuid().ToString("N")[..12]));

    /// <summary>The feature count ogrinfo reports for a layer of a data source.</summary>
    public static async Task<long> OgrCountAsync(string source, string? layer = null, params string[] extra)
    {
        var arguments = new List<string> { "-ro", "-so", source };
        if (layer is not null)
        {
            arguments.Add(layer);
        }
        else
        {
            arguments.Add("-al");
        }

        arguments.AddRange(extra);
        var summary = await WfsTestSupport.RunAsync("ogrinfo", arguments);
        var match = FeatureCount().Match(summary);
        Assert.True(match.Success, summary);
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : "";

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();
}
