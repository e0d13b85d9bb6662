namespace EnvGis.Server.OpenData;

/// <summary>A bulk package just built: where to download it, when it was built, its size and the layers in it.</summary>
public sealed record PackageResponse(string Url, string FileName, DateTimeOffset BuiltAt, long Bytes, IReadOnlyList<string> Layers);
