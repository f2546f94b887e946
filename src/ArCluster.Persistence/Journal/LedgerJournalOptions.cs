namespace ArCluster.Persistence.Journal;

public sealed class LedgerJournalOptions
{
    /// <summary>Most postings committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// Transactions in flight at once. While some wait on their round trips and the WAL flush,
    /// others gather the postings that arrived meanwhile. On 2 cores, 4 gave about 1.5× the
    /// throughput of 2 at 512 postings in flight (docs/benchmarks.md); writers take no locks, so
    /// more cost only connections and smaller batches.
    /// </summary>
    public int Writers { get; set; } = 4;

    /// <summary>How often a batch that hit a transient conflict (deadlock, concurrent duplicate id) is retried.</summary>
    public int MaxAttempts { get; set; } = 5;
}
