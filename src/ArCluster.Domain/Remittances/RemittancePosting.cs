using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Remittances;

/// <summary>
/// The provider-level adjustments of one remittance as ledger entries: they change no claim's
/// balance (a recoupment's claim is reversed on the claim itself) but are money the practice gained
/// or lost, tied to the remittance and, where the reference names one, to a claim.
/// </summary>
public sealed record ProviderAdjustmentPosting(
    PostingId PostingId,
    long Version,
    DateTimeOffset PostedAt,
    string PostedBy,
    ImmutableArray<LedgerEntry> Entries)
{
    public static ProviderAdjustmentPosting Of(
        PostingContext context, PayerId payer, DateOnly paymentDate, IEnumerable<ProviderAdjustmentItem> items, Func<string?, string?> claimNamedBy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(claimNamedBy);
        var entries = items.Select((item, i) =>
            new LedgerEntry(context.EntryId(i + 1), EntryKind.ProviderAdjustment, item.Amount, ResponsibleParty.Primary, paymentDate)
            {
                PayerId = payer.Value,
                Memo = item.Reference is null ? $"PLB {item.ReasonCode}" : $"PLB {item.ReasonCode} {item.Reference}",
                RelatedClaim = claimNamedBy(item.Reference),
            });
        return new ProviderAdjustmentPosting(context.PostingId, 1, context.PostedAt, context.PostedBy, [.. entries]);
    }
}
