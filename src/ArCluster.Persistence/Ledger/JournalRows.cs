using ArCluster.Domain.Ledger;
using ArCluster.Persistence.Journal;

namespace ArCluster.Persistence.Ledger;

internal static class JournalRows
{
    public static JournalEntryRow ToRow(this LedgerEntry entry, string? accountId, string? claimId) => new(
        entry.EntryId,
        accountId,
        entry.RelatedClaim ?? claimId,
        entry.LineNumber,
        entry.Kind.ToString(),
        entry.Amount.Amount,
        entry.Party.ToString(),
        entry.ToParty?.ToString(),
        entry.Group?.ToString(),
        entry.Reason?.Value,
        entry.PayerId,
        entry.Reverses,
        entry.ReversedKind?.ToString(),
        entry.EffectiveDate);
}
