namespace EnvGis.Core.Monitoring;

/// <summary>
/// The name of a datalogger file (docs/monitoring.md): <c>&lt;station&gt;_&lt;yyyyMMddHHmmss&gt;.txt</c>, or
/// <c>…_&lt;station&gt;_&lt;time&gt;.txt</c> (province and facility before it), or just <c>&lt;time&gt;.txt</c>
/// inside a station's folder.
/// </summary>
public sealed record DataloggerFileName(DateTimeOffset Time, IReadOnlyList<string> StationCandidates)
{
    /// <summary>Reads a file name (no folders); null when it does not end in a 14-digit time and <c>.txt</c>.</summary>
    public static DataloggerFileName? Parse(string fileName)
    {
        if (!fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || fileName.Length < 18)
        {
            return null;
        }

        var stem = fileName[..^4];
        if (!DataloggerParser.TryParseTime(stem.AsSpan(stem.Length - 14), out var time))
        {
            return null;
        }

        var prefix = stem[..^14];
        if (prefix.Length == 0)
        {
            return new DataloggerFileName(time, []);
        }

        if (!prefix.EndsWith('_'))
        {
            return null;
        }

        // Every run of trailing '_'-separated parts may be the station code, the longest first.
        var parts = prefix[..^1].Split('_');
        var candidates = Enumerable.Range(0, parts.Length)
            .Select(i => string.Join('_', parts[i..]))
            .Where(c => c.Length > 0)
            .ToList();
        return new DataloggerFileName(time, candidates);
    }
}
