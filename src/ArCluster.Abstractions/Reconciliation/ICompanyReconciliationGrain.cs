using Orleans.Concurrency;

namespace ArCluster.Abstractions.Reconciliation;

/// <summary>The billing company's roll-up over every practice (one grain, key "all").</summary>
[Alias("arcluster.ICompanyReconciliationGrain")]
public interface ICompanyReconciliationGrain : IGrainWithStringKey
{
    [Alias("Totals"), AlwaysInterleave]
    Task<ReconciliationView> Totals(DateOnly firstDay, DateOnly lastDay);

    [Alias("Reassociation"), AlwaysInterleave]
    Task<ReassociationView> Reassociation(bool unmatchedOnly);
}
