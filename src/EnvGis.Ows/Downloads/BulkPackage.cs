namespace EnvGis.Ows.Downloads;

/// <summary>A built bulk package: its file, when it was built, its size and the layers it holds.</summary>
public sealed record BulkPackage(string Path, DateTimeOffset BuiltAt, long Bytes, IReadOnlyList<string> Layers)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
