using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Remittances;

/// <summary>One 835 transaction: a payer's payment (BPR02, TRN02 trace) and the claim payments and provider-level adjustments it explains.</summary>
public sealed record RemittanceTransaction(
    PayerId PayerId,
    string TraceNumber,
    Money TotalPayment,
    DateOnly PaymentDate,
    ImmutableArray<RemittanceClaim> Claims,
    ImmutableArray<ProviderAdjustmentItem> ProviderAdjustments);
