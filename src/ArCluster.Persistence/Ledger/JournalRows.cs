using ArCluster.Domain;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using ArCluster.Persistence.Journal;

namespace ArCluster.Persistence.Ledger;

/// <summary>Ledger entries to and from the journal's entry rows.</summary>
public static class JournalRows
{
    public static JournalEntryRow ToRow(this LedgerEntry entry, string? accountId, string? claimId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
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
            entry.EffectiveDate,
            entry.Reference);
    }

    /// <summary>The entry a row records, as far as the row holds it (memos live only in the posting's payload).</summary>
    public static LedgerEntry ToEntry(this JournalEntryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new LedgerEntry(row.EntryId, Enum.Parse<EntryKind>(row.Kind), Money.Of(row.Amount), Enum.Parse<ResponsibleParty>(row.Party), row.EffectiveDate)
        {
            LineNumber = row.LineNumber,
            ToParty = row.ToParty is null ? null : Enum.Parse<ResponsibleParty>(row.ToParty),
            Group = row.AdjustmentGroup is null ? null : Enum.Parse<AdjustmentGroup>(row.AdjustmentGroup),
            Reason = row.ReasonCode is not null && AdjustmentReason.TryParse(row.ReasonCode, out var reason, out _) ? reason : null,
            PayerId = row.PayerId,
            Reverses = row.ReversesEntryId,
            ReversedKind = row.ReversedKind is null ? null : Enum.Parse<EntryKind>(row.ReversedKind),
            Reference = row.Reference,
        };
    }
}
