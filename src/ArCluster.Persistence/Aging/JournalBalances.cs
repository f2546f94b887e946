using ArCluster.Domain;
using ArCluster.Domain.Ledger;

namespace ArCluster.Persistence.Aging;

/// <summary>What every party owes on each claim, and each account's unapplied credit, summed from the journal.</summary>
public sealed record JournalBalances(IReadOnlyDictionary<string, PartyBalances> Claims, IReadOnlyDictionary<string, Money> Credits);
