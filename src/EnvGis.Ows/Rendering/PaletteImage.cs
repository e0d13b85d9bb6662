using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// An image reduced to a palette of at most 256 RGBA colours, for 8-bit PNG. Images with 256
/// colours or fewer keep them exactly; others are reduced by median cut over the colour histogram
/// (weighted by pixel counts, so large flat areas keep their exact colour). Fully transparent pixels
/// share one entry with alpha 0.
/// </summary>
public sealed class PaletteImage
{
    public const int MaxColors = 256;

    private PaletteImage(int width, int height, uint[] palette, byte[] indices)
    {
        Width = width;
        Height = height;
        Palette = palette;
        Indices = indices;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Palette entries as 0xRRGGBBAA (not premultiplied).</summary>
    public IReadOnlyList<uint> Palette { get; }

    /// <summary>One palette index per pixel, row by row.</summary>
    public byte[] Indices { get; }

    public static PaletteImage Quantize(SKPixmap pixmap)
    {
        var width = pixmap.Width;
        var height = pixmap.Height;
        using var straight = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var target = straight.PeekPixels())
        {
            pixmap.ReadPixels(target);
        }

        var bytes = straight.GetPixelSpan();
        var pixels = new uint[width * height];
        var histogram = new Dictionary<uint, int>();
        for (var i = 0; i < pixels.Length; i++)
        {
            var a = bytes[i * 4 + 3];
            var color = a == 0 ? 0u : (uint)bytes[i * 4] << 24 | (uint)bytes[i * 4 + 1] << 16 | (uint)bytes[i * 4 + 2] << 8 | a;
            pixels[i] = color;
            histogram[color] = histogram.GetValueOrDefault(color) + 1;
        }

        var (palette, lookup) = histogram.Count <= MaxColors ? Exact(histogram) : MedianCut(histogram);
        var indices = new byte[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            indices[i] = lookup[pixels[i]];
        }

        return new PaletteImage(width, height, palette, indices);
    }

    /// <summary>The image as an 8-bit palette PNG (PLTE, tRNS when any entry is not opaque, IDAT).</summary>
    public byte[] ToPng()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: palette
        WriteChunk(output, "IHDR", header);

        var plte = new byte[Palette.Count * 3];
        for (var i = 0; i < Palette.Count; i++)
        {
            plte[i * 3] = (byte)(Palette[i] >> 24);
            plte[i * 3 + 1] = (byte)(Palette[i] >> 16);
            plte[i * 3 + 2] = (byte)(Palette[i] >> 8);
        }

        WriteChunk(output, "PLTE", plte);
        var lastTranslucent = -1;
        for (var i = 0; i < Palette.Count; i++)
        {
            if ((Palette[i] & 0xFF) != 0xFF)
            {
                lastTranslucent = i;
            }
        }

        if (lastTranslucent >= 0)
        {
            var trns = new byte[lastTranslucent + 1];
            for (var i = 0; i < trns.Length; i++)
            {
                trns[i] = (byte)Palette[i];
            }

            WriteChunk(output, "tRNS", trns);
        }

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < Height; y++)
                {
                    zlib.WriteByte(0); // filter: none (recommended for palette images)
                    zlib.Write(Indices, y * Width, Width);
                }
            }

            WriteChunk(output, "IDAT", compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static (uint[] Palette, Dictionary<uint, byte> Lookup) Exact(Dictionary<uint, int> histogram)
    {
        // Translucent entries first keeps the tRNS chunk short.
        var palette = histogram.Keys.OrderBy(c => (c & 0xFF) == 0xFF ? 1 : 0).ThenByDescending(c => histogram[c]).ToArray();
        var lookup = new Dictionary<uint, byte>(palette.Length);
        for (var i = 0; i < palette.Length; i++)
        {
            lookup[palette[i]] = (byte)i;
        }

        return (palette, lookup);
    }

    private static (uint[] Palette, Dictionary<uint, byte> Lookup) MedianCut(Dictionary<uint, int> histogram)
    {
        var hasTransparent = histogram.ContainsKey(0u);
        var entries = histogram.Where(h => h.Key != 0u).Select(h => (Color: h.Key, Count: h.Value)).ToArray();
        var budget = MaxColors - (hasTransparent ? 1 : 0);
        var boxes = new List<(int Start, int End)> { (0, entries.Length) };
        while (boxes.Count < budget)
        {
            var best = -1;
            var bestScore = 0.0;
            var bestChannel = 0;
            for (var b = 0; b < boxes.Count; b++)
            {
                var (start, end) = boxes[b];
                if (end - start < 2)
                {
                    continue;
                }

                var (channel, range, count) = Widest(entries, start, end);
                var score = (double)range * Math.Sqrt(count);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = b;
                    bestChannel = channel;
                }
            }

            if (best < 0)
            {
                break;
            }

            var box = boxes[best];
            var shift = 24 - bestChannel * 8;
            Array.Sort(entries, box.Start, box.End - box.Start,
                Comparer<(uint Color, int Count)>.Create((x, y) => ((x.Color >> shift) & 0xFF).CompareTo((y.Color >> shift) & 0xFF)));
            long total = 0;
            for (var i = box.Start; i < box.End; i++)
            {
                total += entries[i].Count;
            }

            long running = 0;
            var split = box.Start + 1;
            for (var i = box.Start; i < box.End - 1; i++)
            {
                running += entries[i].Count;
                split = i + 1;
                if (running * 2 >= total)
                {
                    break;
                }
            }

            boxes[best] = (box.Start, split);
            boxes.Add((split, box.End));
        }

        var palette = new List<uint>();
        var lookup = new Dictionary<uint, byte>(histogram.Count);
        if (hasTransparent)
        {
            lookup[0u] = 0;
            palette.Add(0u);
        }

        foreach (var (start, end) in boxes.OrderBy(b => Average(entries, b.Start, b.End) & 0xFF))
        {
            var index = (byte)palette.Count;
            palette.Add(Average(entries, start, end));
            for (var i = start; i < end; i++)
            {
                lookup[entries[i].Color] = index;
            }
        }

        return (palette.ToArray(), lookup);
    }

    private static (int Channel, int Range, long Count) Widest((uint Color, int Count)[] entries, int start, int end)
    {
        Span<int> min = [255, 255, 255, 255];
        Span<int> max = [0, 0, 0, 0];
        long count = 0;
        for (var i = start; i < end; i++)
        {
            count += entries[i].Count;
            for (var c = 0; c < 4; c++)
            {
                var value = (int)((entries[i].Color >> (24 - c * 8)) & 0xFF);
                min[c] = Math.Min(min[c], value);
                max[c] = Math.Max(max[c], value);
            }
        }

        var channel = 0;
        var range = -1;
        for (var c = 0; c < 4; c++)
        {
            if (max[c] - min[c] > range)
            {
                range = max[c] - min[c];
                channel = c;
            }
        }

        return (channel, range, count);
    }

    private static uint Average((uint Color, int Count)[] entries, int start, int end)
    {
        Span<double> sum = [0, 0, 0, 0];
        double weight = 0;
        for (var i = start; i < end; i++)
        {
            var (color, count) = entries[i];
            for (var c = 0; c < 4; c++)
            {
                sum[c] += ((color >> (24 - c * 8)) & 0xFF) * (double)count;
            }

            weight += count;
        }

        uint result = 0;
        for (var c = 0; c < 4; c++)
        {
            result |= (uint)Math.Clamp(Math.Round(sum[c] / weight), 0, 255) << (24 - c * 8);
        }

        return result;
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        Span<byte> name = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            name[i] = (byte)type[i];
        }

        output.Write(name);
        output.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFFu, name), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320).</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = Build();

        public static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        private static uint[] Build()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
