using System.Collections.Immutable;
using ArCluster.Persistence.Journal;

namespace ArCluster.Persistence.Feed;

/// <summary>One durable posting as the ledger feed delivers it: where it sits in the feed, whose it is, and its entries.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.FeedPosting")]
public sealed record FeedPosting(
    [property: Id(0)] FeedCursor Cursor,
    [property: Id(1)] string PracticeId,
    [property: Id(2)] string StreamId,
    [property: Id(3)] ImmutableArray<JournalEntryRow> Entries);
