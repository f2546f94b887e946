using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Reconciliation;

/// <summary>A remittance advice (what an 835 says was paid) or a deposit (what reached the bank), as reassociation sees it.</summary>
public sealed record CashItem(string EntryId, EntryKind Kind, string Reference, Money Amount, string? PayerId, DateOnly Date);
