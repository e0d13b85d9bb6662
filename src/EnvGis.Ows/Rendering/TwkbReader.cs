namespace EnvGis.Ows.Rendering;

/// <summary>
/// Decodes Tiny Well-known Binary (TWKB, the format of PostGIS <c>ST_AsTWKB</c>) into a
/// <see cref="PixelGeometry"/>. The map query writes geometries already transformed to pixel
/// coordinates, so the integers of TWKB are tenths of a pixel and the payload is small.
/// Specification: https://github.com/TWKB/Specification (types 1–7, zigzag varints, deltas).
/// </summary>
public static class TwkbReader
{
    private const int MaxParts = 10_000_000;

    /// <summary>Replaces the content of <paramref name="target"/> with the geometry in <paramref name="twkb"/>.</summary>
    public static void Read(ReadOnlySpan<byte> twkb, PixelGeometry target)
    {
        target.Clear();
        var position = 0;
        var polygons = 0;
        ReadGeometry(twkb, ref position, target, ref polygons);
    }

    private static void ReadGeometry(ReadOnlySpan<byte> data, ref int position, PixelGeometry target, ref int polygons)
    {
        var typeAndPrecision = data[position++];
        var type = typeAndPrecision & 0x0F;
        var precision = Unzigzag((ulong)(typeAndPrecision >> 4));
        var metadata = data[position++];
        var hasBox = (metadata & 0x01) != 0;
        var hasSize = (metadata & 0x02) != 0;
        var hasIds = (metadata & 0x04) != 0;
        var hasExtended = (metadata & 0x08) != 0;
        var isEmpty = (metadata & 0x10) != 0;
        var dimensions = 2;
        if (hasExtended)
        {
            var extended = data[position++];
            dimensions += (extended & 0x01) + ((extended >> 1) & 0x01);
        }

        if (hasSize)
        {
            ReadVarint(data, ref position);
        }

        if (hasBox)
        {
            for (var i = 0; i < dimensions * 2; i++)
            {
                ReadVarint(data, ref position);
            }
        }

        if (isEmpty)
        {
            return;
        }

        var scale = Math.Pow(10, -precision);
        var state = new Cursor(scale, dimensions);
        switch (type)
        {
            case 1:
                ReadPoints(data, ref position, target, ref state, 1, PixelPartKind.Point);
                Widen(target, PixelGeometryKind.Point);
                break;
            case 2:
                ReadLine(data, ref position, target, ref state);
                Widen(target, PixelGeometryKind.Line);
                break;
            case 3:
                ReadPolygon(data, ref position, target, ref state, polygons++);
                Widen(target, PixelGeometryKind.Polygon);
                break;
            case 4:
            {
                var count = Count(data, ref position, hasIds);
                ReadPoints(data, ref position, target, ref state, count, PixelPartKind.Point);
                Widen(target, PixelGeometryKind.Point);
                break;
            }

            case 5:
            {
                var count = Count(data, ref position, hasIds);
                for (var i = 0; i < count; i++)
                {
                    ReadLine(data, ref position, target, ref state);
                }

                Widen(target, PixelGeometryKind.Line);
                break;
            }

            case 6:
            {
                var count = Count(data, ref position, hasIds);
                for (var i = 0; i < count; i++)
                {
                    ReadPolygon(data, ref position, target, ref state, polygons++);
                }

                Widen(target, PixelGeometryKind.Polygon);
                break;
            }

            case 7:
            {
                var count = Count(data, ref position, hasIds);
                for (var i = 0; i < count; i++)
                {
                    ReadGeometry(data, ref position, target, ref polygons);
                }

                break;
            }

            default:
                throw new FormatException($"Unknown TWKB geometry type {type}.");
        }
    }

    private static void Widen(PixelGeometry target, PixelGeometryKind kind)
    {
        if (kind > target.Kind && !target.IsEmpty)
        {
            target.Kind = kind;
        }
    }

    private static int Count(ReadOnlySpan<byte> data, ref int position, bool hasIds)
    {
        var count = CheckedCount(ReadVarint(data, ref position));
        if (hasIds)
        {
            for (var i = 0; i < count; i++)
            {
                ReadVarint(data, ref position);
            }
        }

        return count;
    }

    private static void ReadLine(ReadOnlySpan<byte> data, ref int position, PixelGeometry target, ref Cursor state)
    {
        var count = CheckedCount(ReadVarint(data, ref position));
        var start = target.VertexCount;
        ReadCoordinates(data, ref position, target, ref state, count);
        target.AddPart(PixelPartKind.Line, start, -1);
    }

    private static void ReadPolygon(ReadOnlySpan<byte> data, ref int position, PixelGeometry target, ref Cursor state, int polygon)
    {
        var rings = CheckedCount(ReadVarint(data, ref position));
        for (var r = 0; r < rings; r++)
        {
            var count = CheckedCount(ReadVarint(data, ref position));
            var start = target.VertexCount;
            ReadCoordinates(data, ref position, target, ref state, count);
            target.AddPart(r == 0 ? PixelPartKind.OuterRing : PixelPartKind.InnerRing, start, polygon);
        }
    }

    private static void ReadPoints(ReadOnlySpan<byte> data, ref int position, PixelGeometry target, ref Cursor state, int count, PixelPartKind kind)
    {
        for (var i = 0; i < count; i++)
        {
            var start = target.VertexCount;
            ReadCoordinates(data, ref position, target, ref state, 1);
            target.AddPart(kind, start, -1);
        }
    }

    private static void ReadCoordinates(ReadOnlySpan<byte> data, ref int position, PixelGeometry target, ref Cursor state, int count)
    {
        for (var i = 0; i < count; i++)
        {
            state.X += Unzigzag(ReadVarint(data, ref position));
            state.Y += Unzigzag(ReadVarint(data, ref position));
            for (var d = 2; d < state.Dimensions; d++)
            {
                ReadVarint(data, ref position);
            }

            target.AddVertex((float)(state.X * state.Scale), (float)(state.Y * state.Scale));
        }
    }

    private static int CheckedCount(ulong value) =>
        value <= MaxParts ? (int)value : throw new FormatException("TWKB count out of range.");

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }

            shift += 7;
            if (shift > 63)
            {
                throw new FormatException("TWKB varint too long.");
            }
        }
    }

    private static long Unzigzag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private struct Cursor(double scale, int dimensions)
    {
        public long X;
        public long Y;
        public readonly double Scale = scale;
        public readonly int Dimensions = dimensions;
    }
}
