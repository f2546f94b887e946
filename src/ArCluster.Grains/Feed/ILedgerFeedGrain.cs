using ArCluster.Persistence.Feed;
using Orleans.Concurrency;

namespace ArCluster.Grains.Feed;

/// <summary>Publishes the journal on the ledger streams (one grain, key <see cref="LedgerFeedStreams.Publisher"/>).</summary>
[Alias("arcluster.ILedgerFeedGrain")]
public interface ILedgerFeedGrain : IGrainWithStringKey
{
    /// <summary>Activates the publisher if it is not running (every silo calls it now and then).</summary>
    [Alias("Ensure"), AlwaysInterleave]
    Task Ensure();

    /// <summary>A consumer has durably applied the practice's feed through <paramref name="through"/>.</summary>
    [Alias("Confirm"), AlwaysInterleave]
    Task Confirm(string consumer, string practiceId, FeedCursor through);

    /// <summary>How far the publisher has read and how many practices still owe a confirmation.</summary>
    [Alias("Progress"), AlwaysInterleave]
    Task<LedgerFeedProgress> Progress();
}

[GenerateSerializer, Immutable, Alias("arcluster.LedgerFeedProgress")]
public sealed record LedgerFeedProgress(
    [property: Id(0)] FeedCursor Read,
    [property: Id(1)] FeedCursor Saved,
    [property: Id(2)] int Unconfirmed,
    [property: Id(3)] long PostingsPublished);
