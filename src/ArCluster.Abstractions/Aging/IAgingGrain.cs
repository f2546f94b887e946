using Orleans.Concurrency;

namespace ArCluster.Abstractions.Aging;

/// <summary>
/// A practice's live AR aging, keyed by practice id: its open claims' balances by payer and patient,
/// kept from the ledger feed, aged into buckets when asked, with days in AR and net collection rate.
/// </summary>
[Alias("arcluster.IAgingGrain")]
public interface IAgingGrain : IGrainWithStringKey
{
    /// <summary>The aging as of <paramref name="asOf"/> (default: today, business time).</summary>
    [Alias("Aging"), AlwaysInterleave]
    Task<AgingView> Aging(DateOnly? asOf);

    /// <summary>Catches up with the journal, then compares every stored claim balance and account credit with a sum of the journal.</summary>
    [Alias("Verify")]
    Task<AgingVerificationReport> Verify();

    /// <summary>Drops the practice's open claims and counts them again from the journal; returns the verification after.</summary>
    [Alias("Rebuild")]
    Task<AgingVerificationReport> Rebuild();
}
