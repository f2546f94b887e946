using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Adjudication;

/// <summary>
/// One claim payment as a payer writes it (835 loop 2100): status, payer claim number and the
/// adjudicated services. The claim totals are the services' sums, so the claim balances whenever
/// each service does.
/// </summary>
internal sealed record RemittedClaim(
    SimulatedClaim Claim,
    PayerProfile Payer,
    string Status,
    string PayerClaimNumber,
    RemittedService[] Services,
    PayerProfile? CrossoverTo = null,
    string? ClaimRemark = null)
{
    public string ClaimId => Claim.ClaimId;

    public decimal Charge => Services.Sum(s => s.Charge);

    public decimal Paid => Services.Sum(s => s.Paid);

    public decimal PatientResponsibility => Services.Sum(s => s.PatientResponsibility);

    public decimal Adjusted(string group) => Services.Sum(s => s.Sum(group));

    /// <summary>OA-23 on a secondary payer's claim: the prior payer's effect, not an adjustment of its own.</summary>
    public decimal PriorPayerImpact => Services.Sum(s => s.Adjustments.Where(a => a.Group == "OA" && a.Reason == "23").Sum(a => a.Amount));

    /// <summary>CLP02 22: the same claim with every amount negated, under the same payer claim number.</summary>
    public RemittedClaim Reversal() => this with { Status = "22", Services = [.. Services.Select(s => s.Negated())] };
}
