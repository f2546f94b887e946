namespace ArCluster.Persistence.Feed;

/// <summary>
/// A place in the ledger feed: the writing transaction, then the journal position. Totally ordered,
/// and below the oldest running transaction no new posting can ever appear.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.FeedCursor")]
public readonly record struct FeedCursor([property: Id(0)] ulong TransactionId, [property: Id(1)] long Position) : IComparable<FeedCursor>
{
    /// <summary>Before the first posting.</summary>
    public static readonly FeedCursor Start = new(0, 0);

    public int CompareTo(FeedCursor other) =>
        TransactionId != other.TransactionId ? TransactionId.CompareTo(other.TransactionId) : Position.CompareTo(other.Position);

    public static bool operator <(FeedCursor left, FeedCursor right) => left.CompareTo(right) < 0;

    public static bool operator >(FeedCursor left, FeedCursor right) => left.CompareTo(right) > 0;

    public static bool operator <=(FeedCursor left, FeedCursor right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FeedCursor left, FeedCursor right) => left.CompareTo(right) >= 0;

    public static FeedCursor Min(FeedCursor left, FeedCursor right) => left <= right ? left : right;

    public static FeedCursor Max(FeedCursor left, FeedCursor right) => left >= right ? left : right;

    public override string ToString() => $"{TransactionId}/{Position}";
}
