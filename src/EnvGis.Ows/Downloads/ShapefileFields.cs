using EnvGis.Core.Catalogue;

namespace EnvGis.Ows.Downloads;

/// <summary>
/// DBF field names for a layer's columns: at most 10 characters, unique (a DBF limit), e.g.
/// water_quality_class → water_qual; every archive lists the mapping in its README.
/// </summary>
public static class ShapefileFields
{
    public const int MaxNameLength = 10;

    public static IReadOnlyList<string> Names(IEnumerable<string> columns)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "id" };
        var names = new List<string>();
        foreach (var column in columns)
        {
            var name = column.Length <= MaxNameLength ? column : column[..MaxNameLength];
            for (var n = 2; !used.Add(name); n++)
            {
                var suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                name = column[..Math.Min(column.Length, MaxNameLength - suffix.Length)] + suffix;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>Whether a column is written as DBF text (dates and times as ISO text keep their meaning everywhere).</summary>
    public static bool IsText(AttributeType type) => type is AttributeType.Text or AttributeType.DateTime;
}
