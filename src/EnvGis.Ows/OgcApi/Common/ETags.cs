namespace EnvGis.Ows.OgcApi.Common;

/// <summary>
/// Entity tags of features: the record's version as a strong tag (<c>"7"</c>), so If-Match compares it
/// (RFC 9110 §13.1.1). A weak tag naming the version (<c>W/"7"</c>, as the records API writes it) is accepted too.
/// </summary>
public static class ETags
{
    public static string Of(int version) => $"\"{version}\"";

    /// <summary>The version an If-Match header names; null for "*" (any current version).</summary>
    public static int? Parse(string header)
    {
        var tags = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tags.Length != 1)
        {
            throw OgcApiException.Invalid("If-Match", "Give one entity tag in If-Match: the ETag of the feature your change is based on.", "invalid-if-match");
        }

        var tag = tags[0];
        if (tag == "*")
        {
            return null;
        }

        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && int.TryParse(tag[1..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new OgcApiException(412, "stale-version", "The If-Match entity tag is not one of this feature's.", "If-Match");
    }
}
