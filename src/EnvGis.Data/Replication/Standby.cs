using Npgsql;
using NpgsqlTypes;

namespace EnvGis.Data.Replication;

/// <summary>A streaming standby that may serve public reads, with what the monitor last saw of it.</summary>
public sealed class Standby(string name, NpgsqlDataSource dataSource)
{
    private volatile StandbyStatus status = StandbyStatus.Unknown;

    /// <summary>host:port, for logs and readiness.</summary>
    public string Name { get; } = name;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public StandbyStatus Status => status;

    internal void Report(StandbyStatus next) => status = next;
}

/// <summary>Reachable and in recovery (a standby), and how far it has replayed the primary's WAL.</summary>
public sealed record StandbyStatus(bool Reachable, bool InRecovery, NpgsqlLogSequenceNumber Replayed, string? Problem)
{
    public static StandbyStatus Unknown { get; } = new(false, false, default, "not checked yet");

    public bool Usable => Reachable && InRecovery;
}
