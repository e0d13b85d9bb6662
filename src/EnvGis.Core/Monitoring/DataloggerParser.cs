using System.Globalization;
using System.Text;

namespace EnvGis.Core.Monitoring;

/// <summary>
/// Reads a datalogger text file (docs/monitoring.md "The file format"): UTF-8, one reading per line,
/// <c>parameter TAB value TAB unit TAB yyyyMMddHHmmss TAB status</c>, times in Việt Nam time (UTC+7).
/// Blank lines are skipped; every other line is a reading or a problem with its line number.
/// </summary>
public static class DataloggerParser
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (List<DataloggerLine> Lines, List<DeliveryProblem> Problems) Parse(ReadOnlySpan<byte> content, string entry)
    {
        var lines = new List<DataloggerLine>();
        var problems = new List<DeliveryProblem>();
        string text;
        try
        {
            text = StrictUtf8.GetString(content.StartsWith("\uFEFF"u8) ? content[3..] : content);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new DeliveryProblem(DeliveryProblemCodes.NotUtf8, "The file is not UTF-8 text.", entry));
            return (lines, problems);
        }

        var number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            if (raw.IsWhiteSpace())
            {
                continue;
            }

            if (ParseLine(raw, number, entry, out var problem) is { } line)
            {
                lines.Add(line);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        return (lines, problems);
    }

    /// <summary>A 14-digit Việt Nam time (yyyyMMddHHmmss) as an instant.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 14 || !DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        time = new DateTimeOffset(local, VietnamOffset);
        return true;
    }

    private static DataloggerLine? ParseLine(ReadOnlySpan<char> line, int number, string entry, out DeliveryProblem? problem)
    {
        problem = null;
        foreach (var ch in line)
        {
            if ((ch < ' ' && ch != '\t') || ch == '\u007f')
            {
                problem = new DeliveryProblem(DeliveryProblemCodes.ControlCharacters, "The line holds control characters.", entry, number);
                return null;
            }
        }

        Span<Range> fields = stackalloc Range[6];
        var count = line.Split(fields, '\t');
        if (count != 5)
        {
            problem = new DeliveryProblem(DeliveryProblemCodes.MalformedLine,
                $"Expected 5 tab-separated fields (parameter, value, unit, yyyyMMddHHmmss, status), found {Math.Min(count, 6)}{(count > 5 ? " or more" : "")}.",
                entry, number);
            return null;
        }

        var parameter = line[fields[0]].Trim();
        var valueText = line[fields[1]].Trim();
        var unit = line[fields[2]].Trim();
        var timeText = line[fields[3]].Trim();
        var statusText = line[fields[4]].Trim();
        if (parameter.IsEmpty)
        {
            problem = new DeliveryProblem(DeliveryProblemCodes.MalformedLine, "The parameter is empty.", entry, number);
            return null;
        }

        if (!double.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problem = new DeliveryProblem(DeliveryProblemCodes.NonNumericValue, $"The value '{Shorten(valueText)}' is not a number.", entry, number);
            return null;
        }

        if (!TryParseTime(timeText, out var time))
        {
            problem = new DeliveryProblem(DeliveryProblemCodes.BadTime, $"The time '{Shorten(timeText)}' is not yyyyMMddHHmmss.", entry, number);
            return null;
        }

        if (!ReadingStatuses.TryParse(statusText, out var status))
        {
            problem = new DeliveryProblem(DeliveryProblemCodes.UnknownStatus,
                $"The status '{Shorten(statusText)}' is not 00 (measuring), 01 (calibrating) or 02 (fault).", entry, number);
            return null;
        }

        return new DataloggerLine(number, parameter.ToString(), value, unit.ToString(), time, status);
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length > 40 ? string.Concat(text[..40], "…") : text.ToString();
}
