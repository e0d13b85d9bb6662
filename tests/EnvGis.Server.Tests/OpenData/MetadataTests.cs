using System.Net;
using System.Xml.Linq;
using EnvGis.Server.Tests.Infrastructure;
using EnvGis.Server.Tests.OgcApi;
using EnvGis.Server.Tests.Security;
using static EnvGis.Server.Tests.Ows.WfsTestSupport;

namespace EnvGis.Server.Tests.OpenData;

/// <summary>ISO 19139 metadata per layer (/ogcapi/collections/{layer}/metadata, docs/open-data.md "Metadata").</summary>
[Collection("server")]
public sealed class MetadataTests(ServerFixture server)
{
    private static readonly XNamespace Gmd = "http://www.isotc211.org/2005/gmd";
    private static readonly XNamespace Gco = "http://www.isotc211.org/2005/gco";

    public static TheoryData<string> Layers => new() { "communes", "monitoring_stations", "protected_areas", "waste_sources", "rivers" };

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Every_public_layer_has_a_schema_valid_iso_19139_record(string layer)
    {
        var (status, body, response) = await server.Client.OgcGetAsync($"/collections/{layer}/metadata");
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("application/vnd.iso.19139+xml", response.Content.Headers.ContentType?.MediaType);
        var errors = OpenDataSchemas.Validate(body, OpenDataSchemas.Gmd);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)) + "\n" + OgcApiTestSupport.Shorten(body));

        // The validator does refuse: the same record with its elements out of order is invalid.
        var broken = XDocument.Parse(body);
        var language = broken.Root!.Element(Gmd + "language")!;
        language.Remove();
        broken.Root.Add(language);
        Assert.NotEmpty(OpenDataSchemas.Validate(broken.ToString(), OpenDataSchemas.Gmd));
    }

    [Fact]
    public async Task The_record_says_titles_in_both_languages_category_extent_crs_licence_frequency_and_last_update()
    {
        var body = await server.Client.GetStringAsync("/ogcapi/collections/monitoring_stations/metadata");
        var xml = XDocument.Parse(body);
        var text = xml.ToString();
        Assert.Equal("envgis-monitoring_stations", xml.Root!.Element(Gmd + "fileIdentifier")!.Element(Gco + "CharacterString")!.Value);
        Assert.Contains("Trạm quan trắc môi trường", text, StringComparison.Ordinal);
        Assert.Contains("Environmental monitoring stations", text, StringComparison.Ordinal);
        Assert.Contains("LocalisedCharacterString", text, StringComparison.Ordinal);
        Assert.Equal("continual", xml.Descendants(Gmd + "MD_MaintenanceFrequencyCode").Single().Attribute("codeListValue")!.Value);
        var communes = XDocument.Parse(await server.Client.GetStringAsync("/ogcapi/collections/communes/metadata"));
        Assert.Equal("monthly", communes.Descendants(Gmd + "MD_MaintenanceFrequencyCode").Single().Attribute("codeListValue")!.Value);

        var west = double.Parse(xml.Descendants(Gmd + "westBoundLongitude").Single().Value, System.Globalization.CultureInfo.InvariantCulture);
        var expectedWest = await server.ScalarAsync<double>(
            "SELECT ST_XMin(ST_Extent(geom)) FROM data.monitoring_stations WHERE status = 'published' AND NOT restricted");
        Assert.Equal(expectedWest, west, 1e-6);
        Assert.Contains("9210", text, StringComparison.Ordinal);
        Assert.Contains("Art", text, StringComparison.Ordinal); // Article 5 category keyword
        Assert.Contains(xml.Descendants(Gmd + "MD_LegalConstraints"), _ => true);

        var stamp = DateTimeOffset.Parse(xml.Root!.Element(Gmd + "dateStamp")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var lastUpdate = await server.ScalarAsync<DateTime>(
            "SELECT max(updated_at) FROM data.monitoring_stations WHERE status = 'published' AND NOT restricted");
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(lastUpdate, DateTimeKind.Utc)).ToUnixTimeSeconds(), stamp.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Collections_link_their_metadata_and_restricted_layers_have_none_for_the_public()
    {
        var collection = await server.OgcJsonAsync("/collections/communes");
        var describedBy = collection.GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("rel").GetString() == "describedby" && l.GetProperty("type").GetString() == "application/vnd.iso.19139+xml");
        Assert.EndsWith("/ogcapi/collections/communes/metadata", describedBy.GetProperty("href").GetString(), StringComparison.Ordinal);

        var (status, body, response) = await server.Client.OgcGetAsync("/collections/species_occurrences/metadata");
        OgcApiTestSupport.AssertProblem(status, body, response, HttpStatusCode.NotFound);
        using var admin = server.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/ogcapi/collections/species_occurrences/metadata")).StatusCode);
    }
}
