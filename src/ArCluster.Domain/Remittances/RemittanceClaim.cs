using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Remittances;

/// <summary>One claim payment of an 835 (loop 2100, CLP), as posting needs it.</summary>
public sealed record RemittanceClaim(
    ClaimId ClaimId,
    ClaimPaymentStatus Status,
    Money Charge,
    Money Paid,
    Money? PatientResponsibility,
    string? PayerClaimControlNumber,
    ImmutableArray<AdjustmentAmount> Adjustments,
    ImmutableArray<RemittanceService> Services,
    ImmutableArray<RemarkCode> Remarks,
    string? CrossoverPayer)
{
    /// <summary>Every adjustment on the claim: claim level and all its services.</summary>
    public Money Adjusted => Money.Sum(Adjustments.Select(a => a.Amount)) + Money.Sum(Services.Select(s => s.Adjusted));

    public IEnumerable<AdjustmentAmount> AllAdjustments => Adjustments.Concat(Services.SelectMany(s => s.Adjustments));
}
