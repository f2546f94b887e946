using Orleans.Concurrency;

namespace ArCluster.Abstractions.Reconciliation;

/// <summary>
/// A practice's live cash reconciliation, keyed by practice id: totals per day kept from the ledger
/// feed, reassociation of 835s with deposits, and a check of both against the journal.
/// </summary>
[Alias("arcluster.IReconciliationGrain")]
public interface IReconciliationGrain : IGrainWithStringKey
{
    [Alias("Totals"), AlwaysInterleave]
    Task<ReconciliationView> Totals(DateOnly firstDay, DateOnly lastDay);

    /// <summary>Reassociation items; with <paramref name="unmatchedOnly"/>, only those needing work.</summary>
    [Alias("Reassociation"), AlwaysInterleave]
    Task<ReassociationView> Reassociation(bool unmatchedOnly);

    /// <summary>Catches up with the journal, then compares the stored totals for [firstDay, lastDay] with a fold of the journal.</summary>
    [Alias("Verify")]
    Task<VerificationReport> Verify(DateOnly firstDay, DateOnly lastDay);

    /// <summary>Drops the practice's totals and counts them again from the journal.</summary>
    [Alias("Rebuild")]
    Task<VerificationReport> Rebuild();
}
