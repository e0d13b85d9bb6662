using NpgsqlTypes;

namespace EnvGis.Data.Replication;

/// <summary>
/// The primary's WAL position this node's versions are based on: every change the node knows of was
/// committed at or before it, so a standby that has replayed up to it shows at least that data.
/// </summary>
public sealed class ReplicationPosition
{
    private NpgsqlLogSequenceNumber required;
    private readonly Lock gate = new();

    public NpgsqlLogSequenceNumber Required
    {
        get
        {
            lock (gate)
            {
                return required;
            }
        }
    }

    public void Advance(string lsn)
    {
        var value = NpgsqlLogSequenceNumber.Parse(lsn);
        lock (gate)
        {
            if (value > required)
            {
                required = value;
            }
        }
    }
}
