using ArCluster.Abstractions.Aging;

namespace ArCluster.Client;

/// <summary>
/// Live AR aging for supervisors: a practice's (or the company's) open balances by payer and patient
/// in 0–30 … 120+ day buckets, with days in AR and net collection rate, and proof against the journal.
/// </summary>
public sealed class AgingOperations
{
    private readonly IClusterClient _orleans;

    internal AgingOperations(IClusterClient orleans) => _orleans = orleans;

    /// <summary>A practice's aging as of <paramref name="asOf"/> (default: today).</summary>
    public Task<AgingView> GetAsync(string practiceId, DateOnly? asOf = null) => Practice(practiceId).Aging(asOf);

    /// <summary>Every practice's aging as of one day (default: today), with a row per practice and company totals.</summary>
    public Task<AgingView> GetCompanyAsync(DateOnly? asOf = null) => _orleans.GetGrain<ICompanyAgingGrain>("all").Aging(asOf);

    /// <summary>Compares a practice's stored open claim balances with the journal; a clean report has no mismatches.</summary>
    public Task<AgingVerificationReport> VerifyAsync(string practiceId) => Practice(practiceId).Verify();

    /// <summary>Drops a practice's open claim balances and counts them again from the journal; returns the verification after.</summary>
    public Task<AgingVerificationReport> RebuildAsync(string practiceId) => Practice(practiceId).Rebuild();

    private IAgingGrain Practice(string practiceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practiceId);
        return _orleans.GetGrain<IAgingGrain>(practiceId);
    }
}
