using System.IO.Compression;
using System.Security.Cryptography;

namespace EnvGis.Data.Tiles.Cache;

/// <summary>
/// A tile's bytes with their strong validator and, for compressible formats, the gzip and brotli
/// encodings made once when the tile is cached (a compressed variant is kept only if it is smaller).
/// </summary>
public sealed class TileContent(byte[] raw, string etag, byte[]? gzip, byte[]? brotli)
{
    public byte[] Raw { get; } = raw;

    /// <summary>The quoted entity tag of the raw bytes (a hash of them).</summary>
    public string ETag { get; } = etag;

    public byte[]? Gzip { get; } = gzip;

    public byte[]? Brotli { get; } = brotli;

    public long Size => Raw.Length + (Gzip?.Length ?? 0) + (Brotli?.Length ?? 0) + ETag.Length * 2 + 96;

    public static TileContent Create(byte[] raw, bool compress)
    {
        var etag = "\"" + Convert.ToBase64String(SHA256.HashData(raw), 0, 18).Replace('/', '_').Replace('+', '-') + "\"";
        if (!compress || raw.Length < 256)
        {
            return new TileContent(raw, etag, null, null);
        }

        return new TileContent(raw, etag, Smaller(raw, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)),
            Smaller(raw, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)));
    }

    private static byte[]? Smaller(byte[] raw, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var stream = encoder(output))
        {
            stream.Write(raw);
        }

        return output.Length < raw.Length ? output.ToArray() : null;
    }
}
