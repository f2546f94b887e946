using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Remittances;

/// <summary>
/// What one remittance records against itself, before any claim payment posts: the payment it
/// announces (BPR02 under TRN02, for reassociation with the deposit) and its provider-level
/// adjustments. Neither changes a claim's balance (a recoupment's claim is reversed on the claim
/// itself); both are money the practice gained or lost, tied to the remittance and, where a PLB
/// reference names one, to a claim.
/// </summary>
public sealed record RemittancePosting(
    PostingId PostingId,
    long Version,
    DateTimeOffset PostedAt,
    string PostedBy,
    ImmutableArray<LedgerEntry> Entries)
{
    public static RemittancePosting Of(PostingContext context, RemittanceTransaction transaction, string paymentMethod, Func<string?, string?> claimNamedBy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(claimNamedBy);
        var advice = new LedgerEntry(context.EntryId(1), EntryKind.RemittanceAdvice, transaction.TotalPayment, ResponsibleParty.Primary, transaction.PaymentDate)
        {
            PayerId = transaction.PayerId.Value,
            Reference = transaction.TraceNumber,
            Memo = $"BPR04 {paymentMethod}",
        };
        var adjustments = transaction.ProviderAdjustments.Select((item, i) =>
            new LedgerEntry(context.EntryId(i + 2), EntryKind.ProviderAdjustment, item.Amount, ResponsibleParty.Primary, transaction.PaymentDate)
            {
                PayerId = transaction.PayerId.Value,
                Memo = item.Reference is null ? $"PLB {item.ReasonCode}" : $"PLB {item.ReasonCode} {item.Reference}",
                RelatedClaim = claimNamedBy(item.Reference),
            });
        return new RemittancePosting(context.PostingId, 1, context.PostedAt, context.PostedBy, [advice, .. adjustments]);
    }
}
