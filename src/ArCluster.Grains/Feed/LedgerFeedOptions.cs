using ArCluster.Persistence.Aging;
using ArCluster.Persistence.Reconciliation;

namespace ArCluster.Grains.Feed;

/// <summary>How the ledger feed publishes. Configuration section "ArCluster:LedgerFeed".</summary>
public sealed class LedgerFeedOptions
{
    /// <summary>Off only to measure posting without consumers: reconciliation then stands still.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Postings read per query; a poll reads pages until it is caught up.</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>Postings per stream message: small enough for Orleans' 1 MB message limit with room to spare.</summary>
    public int PostingsPerBatch { get; set; } = 250;

    /// <summary>How long a practice's consumer may stay silent before it is reminded where the feed is.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the restart point is written.</summary>
    public TimeSpan SaveEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each silo makes sure the publisher is running.</summary>
    public TimeSpan EnsureEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Consumers that confirm what they applied; the publisher restarts from the slowest.</summary>
    public IReadOnlyList<string> Consumers { get; set; } = [ReconciliationStore.Consumer, AgingStore.Consumer];
}
