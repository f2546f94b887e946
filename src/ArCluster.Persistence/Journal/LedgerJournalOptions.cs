namespace ArCluster.Persistence.Journal;

public sealed class LedgerJournalOptions
{
    /// <summary>Most postings committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// Transactions in flight at once. While one commits (waiting on the WAL flush), the next
    /// gathers postings, so two keep the disk busy; more only add lock traffic.
    /// </summary>
    public int Writers { get; set; } = 2;

    /// <summary>How often a batch that hit a transient conflict (deadlock, concurrent duplicate id) is retried.</summary>
    public int MaxAttempts { get; set; } = 5;
}
