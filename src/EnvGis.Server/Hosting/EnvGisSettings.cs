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
    string? ImageryAttribution = null,
    string? PostgresBinDirectory = null,
    string? TrustedProxies = null,
    string? StandbyConnectionString = null,
    string? TileCacheDirectory = null,
    long TileCacheMemoryBytes = 256L << 20,
    long TileCacheDiskBytes = 2048L << 20)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static EnvGisSettings From(IConfiguration configuration)
    {
        var appFolder = AppContext.BaseDirectory;
        var dataDirectory = Path.GetFullPath(NullIfEmpty(configuration["ENVGIS_DATA_DIR"]) ?? "data");
        return new EnvGisSettings(
            ConnectionString: NullIfEmpty(configuration.GetConnectionString("EnvGis")) ?? NullIfEmpty(configuration["ENVGIS_DB"]),
            DataDirectory: dataDirectory,
            SampleDataDirectory: NullIfEmpty(configuration["ENVGIS_SAMPLE_DATA_DIR"]) ?? Path.Combine(appFolder, "sample-data"),
            StylesDirectory: NullIfEmpty(configuration["ENVGIS_STYLES_DIR"]) ?? Path.Combine(appFolder, "styles"),
            LoadSampleData: !string.Equals(configuration["ENVGIS_SAMPLE_DATA"], "false", StringComparison.OrdinalIgnoreCase),
            BaseMapUrl: NullIfEmpty(configuration["ENVGIS_BASEMAP_URL"]),
            BaseMapAttribution: NullIfEmpty(configuration["ENVGIS_BASEMAP_ATTRIBUTION"]),
            AdminPassword: NullIfEmpty(configuration["ENVGIS_ADMIN_PASSWORD"]),
            PublicUrl: NullIfEmpty(configuration["ENVGIS_PUBLIC_URL"])?.TrimEnd('/'),
            ImageryUrl: NullIfEmpty(configuration["ENVGIS_IMAGERY_URL"]),
            ImageryAttribution: NullIfEmpty(configuration["ENVGIS_IMAGERY_ATTRIBUTION"]),
            PostgresBinDirectory: NullIfEmpty(configuration["ENVGIS_PG_BIN"]),
            TrustedProxies: NullIfEmpty(configuration["ENVGIS_TRUSTED_PROXIES"]),
            StandbyConnectionString: NullIfEmpty(configuration.GetConnectionString("EnvGisStandby")) ?? NullIfEmpty(configuration["ENVGIS_DB_STANDBY"]),
            TileCacheDirectory: NullIfEmpty(configuration["ENVGIS_TILE_CACHE_DIR"]) ?? Path.Combine(dataDirectory, "tile-cache"),
            TileCacheMemoryBytes: Megabytes(configuration["ENVGIS_TILE_CACHE_MEMORY_MB"], 256),
            TileCacheDiskBytes: Megabytes(configuration["ENVGIS_TILE_CACHE_DISK_MB"], 2048));
    }

    /// <summary>Refuses settings that cannot work, before anything starts (the message names the setting).</summary>
    public EnvGisSettings Validate()
    {
        if (AdminPassword is not null && EnvGis.Data.Accounts.Passwords.Problem(AdminPassword, EnvGis.Data.Accounts.AdministratorBootstrap.UserName) is { } problem)
        {
            throw new InvalidOperationException($"ENVGIS_ADMIN_PASSWORD is not acceptable: {problem}");
        }

        if (PublicUrl is not null && !(Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0))
        {
            throw new InvalidOperationException($"ENVGIS_PUBLIC_URL must be an absolute http(s) URL without a query, e.g. https://gis.haiphong.gov.vn; got '{PublicUrl}'.");
        }

        Hosting.TrustedProxies.Parse(TrustedProxies);
        return this;
    }

    private static long Megabytes(string? value, long fallback) =>
        (long.TryParse(value, out var megabytes) && megabytes >= 0 ? megabytes : fallback) << 20;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
