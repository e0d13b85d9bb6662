namespace EnvGis.Server.Hosting;

/// <summary>The server's settings, read from configuration (environment variables, command line, appsettings).</summary>
public sealed record EnvGisSettings(
    string? ConnectionString,
    string DataDirectory,
    string SampleDataDirectory,
    string StylesDirectory,
    bool LoadSampleData,
    string? BaseMapUrl,
    string? BaseMapAttribution,
    string? AdminPassword = null,
    string? PublicUrl = null,
    string? ImageryUrl = null,
    string? ImageryAttribution = null)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static EnvGisSettings From(IConfiguration configuration)
    {
        var appFolder = AppContext.BaseDirectory;
        return new EnvGisSettings(
            ConnectionString: NullIfEmpty(configuration.GetConnectionString("EnvGis")) ?? NullIfEmpty(configuration["ENVGIS_DB"]),
            DataDirectory: Path.GetFullPath(NullIfEmpty(configuration["ENVGIS_DATA_DIR"]) ?? "data"),
            SampleDataDirectory: NullIfEmpty(configuration["ENVGIS_SAMPLE_DATA_DIR"]) ?? Path.Combine(appFolder, "sample-data"),
            StylesDirectory: NullIfEmpty(configuration["ENVGIS_STYLES_DIR"]) ?? Path.Combine(appFolder, "styles"),
            LoadSampleData: !string.Equals(configuration["ENVGIS_SAMPLE_DATA"], "false", StringComparison.OrdinalIgnoreCase),
            BaseMapUrl: NullIfEmpty(configuration["ENVGIS_BASEMAP_URL"]),
            BaseMapAttribution: NullIfEmpty(configuration["ENVGIS_BASEMAP_ATTRIBUTION"]),
            AdminPassword: NullIfEmpty(configuration["ENVGIS_ADMIN_PASSWORD"]),
            PublicUrl: NullIfEmpty(configuration["ENVGIS_PUBLIC_URL"])?.TrimEnd('/'),
            ImageryUrl: NullIfEmpty(configuration["ENVGIS_IMAGERY_URL"]),
            ImageryAttribution: NullIfEmpty(configuration["ENVGIS_IMAGERY_ATTRIBUTION"]));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
