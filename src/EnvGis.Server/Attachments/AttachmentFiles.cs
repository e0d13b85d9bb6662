using System.Security.Cryptography;
using EnvGis.Core.Records;
using EnvGis.Data.Records;

namespace EnvGis.Server.Attachments;

/// <summary>
/// The attachment files in the data folder (<c>uploads/</c>, never under wwwroot). Each is stored
/// under a generated name (<c>ab/abcdef….bin</c>); the client's file name is only ever kept as data.
/// Uploads are streamed to a temporary file while counted and hashed, checked against the size
/// limit and the allowed types (extension and first bytes), then moved into place.
/// </summary>
public sealed class AttachmentFiles(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Stores <paramref name="content"/> and returns what to record; throws a <see cref="RecordException"/> on refusal (nothing kept).</summary>
    public async Task<NewAttachment> SaveAsync(string? clientName, Stream content, CancellationToken ct)
    {
        var name = AttachmentTypes.SafeName(clientName);
        var id = Guid.NewGuid().ToString("N");
        var relative = $"{id[..2]}/{id}.bin";
        var target = Resolve(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".part";
        try
        {
            long size = 0;
            var header = new byte[AttachmentTypes.HeaderBytes];
            var headerLength = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > AttachmentTypes.MaxBytes)
                    {
                        throw new RecordException(RecordErrorKind.TooLarge,
                            $"A document may be at most {AttachmentTypes.MaxBytes / (1024 * 1024)} MB.", "file");
                    }

                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        Array.Copy(buffer, 0, header, headerLength, take);
                        headerLength += take;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (size == 0)
            {
                throw RecordException.Invalid("The file is empty.", "file");
            }

            var contentType = AttachmentTypes.Detect(name, header.AsSpan(0, headerLength));
            File.Move(temporary, target);
            return new NewAttachment(name, contentType, size, Convert.ToHexStringLower(hash.GetHashAndReset()), relative);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Removes a stored file whose row was never committed.</summary>
    public void Discard(string storedPath)
    {
        try
        {
            File.Delete(Resolve(storedPath));
        }
        catch (IOException)
        {
            // Left behind: an orphan file no row points to, harmless.
        }
    }

    /// <summary>The full path of a stored file; a stored path that would leave the uploads folder is refused.</summary>
    public string Resolve(string storedPath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, storedPath));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException("An attachment path outside the uploads folder.");
    }
}
