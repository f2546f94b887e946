namespace ArCluster.Persistence.Journal;

/// <summary>A ledger entry as the journal's entry table holds it, for queries, totals and verification.</summary>
public sealed record JournalEntryRow(
    string EntryId,
    string? AccountId,
    string? ClaimId,
    int? LineNumber,
    string Kind,
    decimal Amount,
    string Party,
    string? ToParty,
    string? AdjustmentGroup,
    string? ReasonCode,
    string? PayerId,
    string? ReversesEntryId,
    string? ReversedKind,
    DateOnly EffectiveDate);
