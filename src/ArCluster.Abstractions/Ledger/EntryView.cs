namespace ArCluster.Abstractions.Ledger;

/// <summary>One immutable ledger entry, as history shows it.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.EntryView")]
public sealed record EntryView(
    [property: Id(0)] string EntryId,
    [property: Id(1)] LedgerEntryKind Kind,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] Party Party,
    [property: Id(4)] Party? ToParty,
    [property: Id(5)] int? LineNumber,
    [property: Id(6)] string? AdjustmentGroup,
    [property: Id(7)] string? ReasonCode,
    [property: Id(8)] string? PayerId,
    [property: Id(9)] string? Reverses,
    [property: Id(10)] LedgerEntryKind? ReversedKind,
    [property: Id(11)] DateOnly EffectiveDate,
    [property: Id(12)] string? Memo);
