namespace ArCluster.Persistence.Journal;

/// <summary>
/// A ledger entry as the journal's entry table holds it, for queries, totals and verification; also
/// what the ledger feed carries to its consumers.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.JournalEntryRow")]
public sealed record JournalEntryRow(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string? AccountId,
    [property: Id(2)] string? ClaimId,
    [property: Id(3)] int? LineNumber,
    [property: Id(4)] string Kind,
    [property: Id(5)] decimal Amount,
    [property: Id(6)] string Party,
    [property: Id(7)] string? ToParty,
    [property: Id(8)] string? AdjustmentGroup,
    [property: Id(9)] string? ReasonCode,
    [property: Id(10)] string? PayerId,
    [property: Id(11)] string? ReversesEntryId,
    [property: Id(12)] string? ReversedKind,
    [property: Id(13)] DateOnly EffectiveDate,
    [property: Id(14)] string? Reference = null);
