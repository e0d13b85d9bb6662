using System.Globalization;

namespace EnvGis.Data.Exchange;

/// <summary>
/// A position in the change feed: everything up to (transaction, history id), in that order, has been
/// handed out. Written as "transaction.id" (e.g. "7421.15009"); "0.0" is the beginning.
/// </summary>
public sealed record FeedCursor(ulong Transaction, long Id) : IComparable<FeedCursor>
{
    public static FeedCursor Start { get; } = new(0, 0);

    public override string ToString() =>
        Transaction.ToString(CultureInfo.InvariantCulture) + "." + Id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out FeedCursor cursor)
    {
        cursor = Start;
        if (text is null || text.Length > 41)
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length != 2
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new FeedCursor(transaction, id);
        return true;
    }

    public int CompareTo(FeedCursor? other) =>
        other is null ? 1 : Transaction != other.Transaction ? Transaction.CompareTo(other.Transaction) : Id.CompareTo(other.Id);
}
