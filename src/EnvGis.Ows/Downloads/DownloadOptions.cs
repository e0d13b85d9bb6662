namespace EnvGis.Ows.Downloads;

/// <summary>Where downloads that need a file (GeoPackage, Shapefile) and the bulk packages are built, and how large a download may be.</summary>
public sealed class DownloadOptions
{
    /// <summary>A folder for the temporary files; each download uses a folder of its own inside it and removes it when done, aborted or failed.</summary>
    public string TempDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "envgis-downloads");

    /// <summary>Where the bulk packages for the Ministry are kept (the latest two).</summary>
    public string PackageDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "envgis-packages");

    /// <summary>The most features one download may hold; a larger selection is refused (narrow it with bbox or filter).</summary>
    public long MaxFeatures { get; init; } = 2_000_000;
}
