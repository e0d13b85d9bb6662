namespace EnvGis.Data.Monitoring;

/// <summary>The size limits of a delivery (docs/monitoring.md "Limits"): a text file, a zip, its members.</summary>
public static class DeliveryLimits
{
    /// <summary>A text file: a year of 5-minute readings of ten parameters fits with room to spare.</summary>
    public const int MaxTextBytes = 8 * 1024 * 1024;

    public const int MaxZipBytes = 16 * 1024 * 1024;

    public const int MaxZipEntries = 5000;

    /// <summary>All members of a zip together, uncompressed.</summary>
    public const long MaxZipExpandedBytes = 64L * 1024 * 1024;

    /// <summary>The largest file either channel reads (a zip); bigger ones are refused without being read.</summary>
    public const int MaxFileBytes = MaxZipBytes;

    /// <summary>The most problems listed for one file; the count says how many there were.</summary>
    public const int MaxProblemsListed = 200;
}
