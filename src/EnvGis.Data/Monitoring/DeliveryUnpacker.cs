using System.IO.Compression;
using EnvGis.Core.Monitoring;

namespace EnvGis.Data.Monitoring;

/// <summary>
/// Turns a delivered file into datalogger text entries: a <c>.txt</c> as it is, a <c>.zip</c> member by
/// member, read in memory with counted bytes (never trusting the sizes the zip declares), refusing
/// member paths that climb out (<c>../</c>, absolute), nested archives and zip bombs.
/// </summary>
public static class DeliveryUnpacker
{
    public static (List<DeliveryEntry> Entries, DeliveryProblem? Problem) Unpack(DeliveryFile file)
    {
        var entries = new List<DeliveryEntry>();
        if (file.Content.Length == 0)
        {
            return (entries, new DeliveryProblem(DeliveryProblemCodes.EmptyFile, "The file is empty.", file.Name));
        }

        if (file.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            if (file.Content.Length > DeliveryLimits.MaxTextBytes)
            {
                return (entries, TooLarge(file.Name, DeliveryLimits.MaxTextBytes));
            }

            entries.Add(new DeliveryEntry(file.Name, file.Folders, file.Content));
            return (entries, null);
        }

        if (!file.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return (entries, new DeliveryProblem(DeliveryProblemCodes.UnsupportedFile,
                "Only datalogger text files (.txt) and zip archives of them (.zip) are accepted.", file.Name));
        }

        if (file.Content.Length > DeliveryLimits.MaxZipBytes)
        {
            return (entries, TooLarge(file.Name, DeliveryLimits.MaxZipBytes));
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(file.Content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > DeliveryLimits.MaxZipEntries)
            {
                return (entries, new DeliveryProblem(DeliveryProblemCodes.ZipBomb,
                    $"The zip holds {zip.Entries.Count} members; at most {DeliveryLimits.MaxZipEntries} are accepted.", file.Name));
            }

            long expanded = 0;
            foreach (var member in zip.Entries)
            {
                var path = member.FullName.Replace('\\', '/');
                if (path.EndsWith('/'))
                {
                    continue; // a folder
                }

                var parts = path.Split('/');
                if (path.StartsWith('/') || path.Contains(':') || parts.Any(p => p is ".." or "." or ""))
                {
                    return (entries, new DeliveryProblem(DeliveryProblemCodes.ZipPath,
                        $"The zip member '{Shorten(member.FullName)}' has a path that is absolute or climbs out of the archive.", file.Name));
                }

                var name = parts[^1];
                if (!name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                {
                    return (entries, new DeliveryProblem(DeliveryProblemCodes.UnsupportedFile,
                        $"The zip member '{Shorten(path)}' is not a datalogger text file (.txt).", file.Name));
                }

                if (member.Length > DeliveryLimits.MaxTextBytes || expanded + member.Length > DeliveryLimits.MaxZipExpandedBytes)
                {
                    return (entries, Bomb(file.Name, path));
                }

                var content = ReadCounted(member, DeliveryLimits.MaxTextBytes);
                if (content is null || (expanded += content.Length) > DeliveryLimits.MaxZipExpandedBytes)
                {
                    return (entries, Bomb(file.Name, path));
                }

                entries.Add(new DeliveryEntry(path, [.. file.Folders, .. parts[..^1]], content));
            }
        }
        catch (InvalidDataException e)
        {
            return ([], new DeliveryProblem(DeliveryProblemCodes.BadZip, $"The zip archive cannot be read: {e.Message}", file.Name));
        }

        return entries.Count == 0
            ? (entries, new DeliveryProblem(DeliveryProblemCodes.EmptyFile, "The zip holds no datalogger file.", file.Name))
            : (entries, null);
    }

    /// <summary>The member's bytes, or null when it expands beyond <paramref name="limit"/> whatever its header says.</summary>
    private static byte[]? ReadCounted(ZipArchiveEntry member, int limit)
    {
        using var stream = member.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static DeliveryProblem TooLarge(string name, int limit) =>
        new(DeliveryProblemCodes.TooLarge, $"The file is larger than {limit / (1024 * 1024)} MB.", name);

    private static DeliveryProblem Bomb(string name, string member) =>
        new(DeliveryProblemCodes.ZipBomb,
            $"The zip member '{Shorten(member)}' expands beyond the limits ({DeliveryLimits.MaxTextBytes / (1024 * 1024)} MB per file, "
            + $"{DeliveryLimits.MaxZipExpandedBytes / (1024 * 1024)} MB in all).", name);

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
