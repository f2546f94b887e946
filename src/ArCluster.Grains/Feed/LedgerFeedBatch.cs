using System.Collections.Immutable;
using ArCluster.Persistence.Feed;

namespace ArCluster.Grains.Feed;

/// <summary>
/// The next postings of one practice, in feed order. <see cref="Previous"/> is the cursor of the
/// practice's posting published just before (null when the publisher does not know it, after a
/// restart): a consumer whose mark is not at or past it has missed something and reads the gap back
/// from the journal. A batch with no postings is a reminder that the practice's feed reached
/// <see cref="Last"/>, sent until the consumer confirms it.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.LedgerFeedBatch")]
public sealed record LedgerFeedBatch(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] FeedCursor? Previous,
    [property: Id(2)] FeedCursor Last,
    [property: Id(3)] ImmutableArray<FeedPosting> Postings);
