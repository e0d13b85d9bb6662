namespace EnvGis.Data.Changes;

/// <summary>
/// One entry of the change log (tiles.changes): a statement that changed a layer's records, or an
/// explicit invalidation. Sequence numbers of a layer are in commit order.
/// </summary>
/// <param name="Public">A public record (published, not restricted) took part, before or after.</param>
/// <param name="Owners">The owner units of the records before and after.</param>
/// <param name="Boxes">xmin, ymin, xmax, ymax (EPSG:4326) of every old and new geometry; null for the whole layer.</param>
public sealed record LayerChange(string Layer, long Seq, bool Public, IReadOnlyList<string> Owners, double[]? Boxes, string Reason)
{
    /// <summary>The reason of an entry written when a layer is dropped from the catalogue.</summary>
    public const string Dropped = "dropped";

    /// <summary>The reason of an entry written when a layer's tile settings change.</summary>
    public const string Settings = "settings";

    public bool WholeLayer => Boxes is null;

    /// <summary>True when a change box meets the lon/lat box (minx, miny, maxx, maxy).</summary>
    public bool Touches(ReadOnlySpan<double> box)
    {
        if (Boxes is null)
        {
            return true;
        }

        for (var i = 0; i + 3 < Boxes.Length; i += 4)
        {
            if (Boxes[i] <= box[2] && Boxes[i + 2] >= box[0] && Boxes[i + 1] <= box[3] && Boxes[i + 3] >= box[1])
            {
                return true;
            }
        }

        return false;
    }
}
