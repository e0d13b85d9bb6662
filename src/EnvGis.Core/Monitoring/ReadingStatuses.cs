namespace EnvGis.Core.Monitoring;

/// <summary>Status codes as dataloggers write them (00/01/02 or 0/1/2) and as the API names them.</summary>
public static class ReadingStatuses
{
    public static bool TryParse(ReadOnlySpan<char> text, out ReadingStatus status)
    {
        status = text switch
        {
            "00" or "0" => ReadingStatus.Measuring,
            "01" or "1" => ReadingStatus.Calibrating,
            "02" or "2" => ReadingStatus.Fault,
            _ => (ReadingStatus)(-1),
        };
        return (short)status >= 0;
    }

    public static string Name(this ReadingStatus status) => status switch
    {
        ReadingStatus.Measuring => "measuring",
        ReadingStatus.Calibrating => "calibrating",
        ReadingStatus.Fault => "fault",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
