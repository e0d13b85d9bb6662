using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Monitoring.MonitoringTestSupport;

namespace EnvGis.Server.Tests.Monitoring;

/// <summary>
/// The OGC API – EDR documents checked against the structure the standards require, since Debian 12
/// has no EDR client to read them (docs/monitoring.md "OGC API – EDR"): the conformance declaration,
/// the collection (EDR 1.0 §7.2 collection description, data_queries, parameter_names), the locations
/// (GeoJSON FeatureCollection) and a location query answered as a CoverageJSON Coverage with a
/// PointSeries domain (OGC CoverageJSON 1.0: domain axes x, y single-valued and t, referencing of every
/// axis, a Parameter and an NdArray range per parameter, shapes that match the axes).
/// </summary>
[Collection("server")]
public sealed class EdrStructureTests(ServerFixture server)
{
    private const string Edr = "http://www.opengis.net/spec/ogcapi-edr-1/1.0/conf/";

    [Fact]
    public async Task The_conformance_declaration_lists_the_EDR_classes_the_collection_implements()
    {
        using var anonymous = server.Basic();
        var conformance = await anonymous.GetFromJsonAsync<JsonElement>("/ogcapi/conformance?f=json");
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        foreach (var name in new[] { "core", "collections", "json", "geojson", "covjson", "queries" })
        {
            Assert.Contains(Edr + name, classes);
        }

        Assert.Equal(classes.Count, classes.Distinct().Count());
    }

    [Fact]
    public async Task The_collection_describes_its_extent_location_query_formats_and_parameters()
    {
        using var anonymous = server.Basic();
        var collection = await anonymous.GetFromJsonAsync<JsonElement>("/ogcapi/collections/monitoring");
        Assert.Equal("monitoring", collection.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(collection.GetProperty("title").GetString()));
        var self = collection.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "self");
        Assert.EndsWith("/ogcapi/collections/monitoring", self.GetProperty("href").GetString());

        var bbox = collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];
        Assert.Equal(4, bbox.GetArrayLength());
        Assert.True(bbox[0].GetDouble() < bbox[2].GetDouble() && bbox[1].GetDouble() < bbox[3].GetDouble(), "bbox is not west, south, east, north");
        Assert.Equal(2, collection.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0].GetArrayLength());

        // EDR: every data query names its link and its query type; the location query answers in the collection's formats.
        var formats = collection.GetProperty("output_formats").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(new[] { "CoverageJSON", "CSV" }, formats);
        var queries = collection.GetProperty("data_queries").EnumerateObject().ToList();
        Assert.Equal(new[] { "locations" }, queries.Select(q => q.Name));
        var link = queries[0].Value.GetProperty("link");
        Assert.EndsWith("/ogcapi/collections/monitoring/locations", link.GetProperty("href").GetString());
        Assert.Equal("locations", link.GetProperty("variables").GetProperty("query_type").GetString());
        Assert.Subset(formats.ToHashSet(), link.GetProperty("variables").GetProperty("output_formats").EnumerateArray().Select(f => f.GetString()).ToHashSet());
        Assert.Contains(link.GetProperty("variables").GetProperty("default_output_format").GetString(), formats);
        Assert.Contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84", collection.GetProperty("crs").EnumerateArray().Select(c => c.GetString()));

        // parameter_names: each a CoverageJSON Parameter keyed by its id, with an observed property label and a unit.
        var parameters = collection.GetProperty("parameter_names").EnumerateObject().ToList();
        Assert.Contains(parameters, p => p.Name == "PM2.5");
        foreach (var p in parameters)
        {
            AssertParameter(p.Name, p.Value);
        }
    }

    [Fact]
    public async Task The_locations_are_a_GeoJSON_FeatureCollection_of_points_with_their_query_links()
    {
        var (code, _) = await server.StationAsync(lon: 106.61, lat: 20.91);
        using var anonymous = server.Basic();
        using var response = await anonymous.GetAsync("/ogcapi/collections/monitoring/locations");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var locations = await response.JsonAsync();
        Assert.Equal("FeatureCollection", locations.GetProperty("type").GetString());
        var features = locations.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(features.Count, features.Select(f => f.GetProperty("id").GetString()).Distinct().Count());
        foreach (var feature in features)
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.Equal(2, coordinates.GetArrayLength());
            Assert.InRange(coordinates[0].GetDouble(), -180, 180);
            Assert.InRange(coordinates[1].GetDouble(), -90, 90);
            Assert.EndsWith("/locations/" + Uri.EscapeDataString(feature.GetProperty("id").GetString()!),
                feature.GetProperty("properties").GetProperty("detail").GetString());
        }

        var station = features.Single(f => f.GetProperty("id").GetString() == code);
        Assert.Equal(106.61, station.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 9);
        Assert.Equal(20.91, station.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble(), 9);
    }

    [Fact]
    public async Task A_location_query_is_a_CoverageJSON_PointSeries_whose_ranges_match_its_time_axis()
    {
        var (code, _) = await server.StationAsync(lon: 106.63, lat: 20.87);
        var at = HourStart(2);
        using var admin = server.Admin();
        // PM2.5 every 5 minutes for an hour; NO2 only at two of those times, one of them a calibrating reading.
        var lines = Hours("PM2.5", 30, "ug/m3", at, 1)
            .Append(Line("NO2", 41.5, "ug/m3", at.AddMinutes(10))).Append(Line("NO2", 77, "ug/m3", at.AddMinutes(20), "01")).ToList();
        using (var upload = await admin.UploadAsync((FileName(code), Text(lines))))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using var anonymous = server.Basic();
        var datetime = Uri.EscapeDataString($"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}/{at.AddHours(1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
        using var response = await anonymous.GetAsync($"/ogcapi/collections/monitoring/locations/{code}?parameter-name=PM2.5,NO2&datetime={datetime}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/prs.coverage+json", response.Content.Headers.ContentType?.MediaType);
        var coverage = await response.JsonAsync();

        Assert.Equal("Coverage", coverage.GetProperty("type").GetString());
        var domain = coverage.GetProperty("domain");
        Assert.Equal("Domain", domain.GetProperty("type").GetString());
        Assert.Equal("PointSeries", domain.GetProperty("domainType").GetString());

        // PointSeries: axes x, y (one value each) and t (z optional), nothing else.
        var axes = domain.GetProperty("axes");
        Assert.Subset(new HashSet<string> { "x", "y", "z", "t" }, axes.EnumerateObject().Select(a => a.Name).ToHashSet());
        Assert.Equal(new[] { 106.63 }, axes.GetProperty("x").GetProperty("values").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 9)));
        Assert.Equal(new[] { 20.87 }, axes.GetProperty("y").GetProperty("values").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 9)));
        var times = axes.GetProperty("t").GetProperty("values").EnumerateArray()
            .Select(v => DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToList();
        Assert.Equal(12, times.Count);
        Assert.Equal(times.Order(), times);
        Assert.Equal(times.Count, times.Distinct().Count());
        Assert.Equal(at, times[0]);

        // Every axis is referenced by exactly one system: x and y by a geographic CRS, t by a temporal one.
        var referencing = domain.GetProperty("referencing").EnumerateArray().ToList();
        var referenced = referencing.SelectMany(r => r.GetProperty("coordinates").EnumerateArray().Select(c => c.GetString())).ToList();
        Assert.Equal(axes.EnumerateObject().Select(a => a.Name).Order(), referenced.Order());
        var spatial = referencing.Single(r => r.GetProperty("coordinates").EnumerateArray().Any(c => c.GetString() == "x")).GetProperty("system");
        Assert.Equal("GeographicCRS", spatial.GetProperty("type").GetString());
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", spatial.GetProperty("id").GetString());
        var temporal = referencing.Single(r => r.GetProperty("coordinates").EnumerateArray().Any(c => c.GetString() == "t")).GetProperty("system");
        Assert.Equal("TemporalRS", temporal.GetProperty("type").GetString());
        Assert.Equal("Gregorian", temporal.GetProperty("calendar").GetString());

        // One Parameter and one NdArray range per requested parameter, the range's shape that of its axes.
        var parameters = coverage.GetProperty("parameters").EnumerateObject().ToList();
        var ranges = coverage.GetProperty("ranges").EnumerateObject().ToList();
        Assert.Equal(new[] { "NO2", "PM2.5" }, parameters.Select(p => p.Name).Order());
        Assert.Equal(parameters.Select(p => p.Name).Order(), ranges.Select(r => r.Name).Order());
        foreach (var p in parameters)
        {
            AssertParameter(p.Name, p.Value);
        }

        foreach (var (name, range) in ranges.Select(r => (r.Name, r.Value)))
        {
            Assert.Equal("NdArray", range.GetProperty("type").GetString());
            Assert.Equal("float", range.GetProperty("dataType").GetString());
            var axisNames = range.GetProperty("axisNames").EnumerateArray().Select(a => a.GetString()!).ToList();
            var shape = range.GetProperty("shape").EnumerateArray().Select(s => s.GetInt32()).ToList();
            Assert.Equal(axisNames.Count, shape.Count);
            for (var i = 0; i < axisNames.Count; i++)
            {
                Assert.Equal(axes.GetProperty(axisNames[i]).GetProperty("values").GetArrayLength(), shape[i]);
            }

            var values = range.GetProperty("values").EnumerateArray().ToList();
            Assert.Equal(shape.Aggregate(1, (a, b) => a * b), values.Count);
            Assert.All(values, v => Assert.True(v.ValueKind is JsonValueKind.Number or JsonValueKind.Null, $"{name}: {v}"));
        }

        var pm25 = Values(coverage, "PM2.5");
        Assert.All(pm25, v => Assert.Equal(30, v));
        // NO2: measured at +10 min, calibrating (null: not a valid measurement) at +20 min, absent elsewhere.
        var no2 = Values(coverage, "NO2");
        Assert.Equal(41.5, no2[times.IndexOf(at.AddMinutes(10))]);
        Assert.Null(no2[times.IndexOf(at.AddMinutes(20))]);
        Assert.Equal(1, no2.Count(v => v is not null));
    }

    private static List<double?> Values(JsonElement coverage, string parameter) =>
        coverage.GetProperty("ranges").GetProperty(parameter).GetProperty("values").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToList();

    /// <summary>A CoverageJSON Parameter: type, an observed property with a label, a unit with a symbol or label.</summary>
    private static void AssertParameter(string key, JsonElement parameter)
    {
        Assert.Equal("Parameter", parameter.GetProperty("type").GetString());
        var label = parameter.GetProperty("observedProperty").GetProperty("label");
        Assert.Equal(JsonValueKind.Object, label.ValueKind);
        Assert.True(label.EnumerateObject().Any(l => !string.IsNullOrWhiteSpace(l.Value.GetString())), $"{key}: no observed property label");
        var unit = parameter.GetProperty("unit");
        Assert.True(unit.TryGetProperty("symbol", out _) || unit.TryGetProperty("label", out _), $"{key}: a unit needs a symbol or a label");
    }
}
