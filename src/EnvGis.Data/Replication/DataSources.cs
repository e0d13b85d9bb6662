using EnvGis.Core.Security;
using EnvGis.Data.Changes;
using Npgsql;

namespace EnvGis.Data.Replication;

/// <summary>
/// Where reads go (docs/scale-out.md). Writes, and every read of a signed-in caller (so a user always
/// reads their own writes), go to the primary. Public reads may go to a streaming standby, but only
/// to one that has replayed everything this node's versions are based on
/// (<see cref="ReplicationPosition"/>); otherwise, or without standbys, to the primary. So a lagging
/// or vanished standby never serves data older than the version a response is labelled with.
/// </summary>
public sealed class DataSources(NpgsqlDataSource primary, IReadOnlyList<Standby> standbys, ReplicationPosition position)
{
    private int next;

    /// <summary>A single machine: everything on the primary.</summary>
    public static DataSources PrimaryOnly(NpgsqlDataSource primary) => new(primary, [], new ReplicationPosition());

    public NpgsqlDataSource Primary { get; } = primary;

    public IReadOnlyList<Standby> Standbys { get; } = standbys;

    /// <summary>The data source for a read by <paramref name="scope"/>.</summary>
    public NpgsqlDataSource ForRead(ReadScope scope) =>
        VisibilityKey.SeesAsPublic(scope) ? ForPublicRead() : Primary;

    /// <summary>A standby that is caught up with this node's versions (round robin), else the primary.</summary>
    public NpgsqlDataSource ForPublicRead()
    {
        if (Standbys.Count == 0)
        {
            return Primary;
        }

        var required = position.Required;
        var start = (int)((uint)Interlocked.Increment(ref next) % (uint)Standbys.Count);
        for (var i = 0; i < Standbys.Count; i++)
        {
            var standby = Standbys[(start + i) % Standbys.Count];
            if (standby.Status is { Usable: true } status && status.Replayed >= required)
            {
                return standby.DataSource;
            }
        }

        return Primary;
    }
}
