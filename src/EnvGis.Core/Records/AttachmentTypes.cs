namespace EnvGis.Core.Records;

/// <summary>
/// The documents a record may carry (EIA reports, permit decisions, inspection minutes, photos):
/// PDF, images and office files. A file is accepted only when its extension is allowed AND its
/// first bytes are those of that kind of file, so a script renamed to .pdf is refused. The content
/// type sent back on download is decided here, never taken from the client.
/// </summary>
public static class AttachmentTypes
{
    /// <summary>The largest attachment.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The longest kept file name (characters).</summary>
    public const int MaxNameLength = 160;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, (string ContentType, byte[][] Magic)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [Pdf]),
        [".png"] = ("image/png", [Png]),
        [".jpg"] = ("image/jpeg", [Jpeg]),
        [".jpeg"] = ("image/jpeg", [Jpeg]),
        [".tif"] = ("image/tiff", [TiffLittle, TiffBig]),
        [".tiff"] = ("image/tiff", [TiffLittle, TiffBig]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [Zip]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [Zip]),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", [Zip]),
        [".odt"] = ("application/vnd.oasis.opendocument.text", [Zip]),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", [Zip]),
        [".doc"] = ("application/msword", [Ole]),
        [".xls"] = ("application/vnd.ms-excel", [Ole]),
        [".ppt"] = ("application/vnd.ms-powerpoint", [Ole]),
    };

    /// <summary>The bytes to read from the start of a file before calling <see cref="Detect"/>.</summary>
    public const int HeaderBytes = 8;

    /// <summary>The allowed extensions, for messages and the portal's file picker.</summary>
    public static IReadOnlyCollection<string> Extensions => ByExtension.Keys;

    /// <summary>
    /// The content type of a file named <paramref name="fileName"/> that starts with
    /// <paramref name="header"/>, or a refusal when the extension is not allowed or the bytes do not match it.
    /// </summary>
    public static string Detect(string fileName, ReadOnlySpan<byte> header)
    {
        var extension = Extension(fileName);
        if (extension is null || !ByExtension.TryGetValue(extension, out var type))
        {
            throw RecordException.Invalid(
                $"Files of this type cannot be attached; allowed: {string.Join(", ", ByExtension.Keys)}.", "file");
        }

        foreach (var magic in type.Magic)
        {
            if (header.StartsWith(magic))
            {
                return type.ContentType;
            }
        }

        throw RecordException.Invalid($"The file's content is not a {extension[1..].ToUpperInvariant()} file.", "file");
    }

    /// <summary>
    /// The name kept for display and downloads: the last part of any path (both separators), without
    /// control characters or quotes, trimmed and shortened, keeping the extension.
    /// </summary>
    public static string SafeName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '*' or '?' or '|')).ToArray()).Trim().Trim('.').Trim();
        if (name.Length > MaxNameLength)
        {
            var extension = Extension(name) is { Length: <= 16 } kept ? kept : "";
            name = name[..(MaxNameLength - extension.Length)] + extension;
        }

        return name.Length == 0 ? "tai-lieu" : name;
    }

    private static string? Extension(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        return dot < 0 || dot == fileName.Length - 1 ? null : fileName[dot..];
    }
}
