namespace EnvGis.Ows.Downloads;

/// <summary>
/// A download format: its path segment (<c>/ogcapi/collections/{layer}/download/{Id}</c>), the media type
/// of the response, the file extension, and a name people read.
/// </summary>
public sealed record DownloadFormat(string Id, string MediaType, string Extension, string Name)
{
    /// <summary>Whether the response is a zip archive that carries the licence and metadata as files.</summary>
    public bool Zipped => Extension.EndsWith(".zip", StringComparison.Ordinal);
}
