using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Aging;

/// <summary>
/// A balance the aging store holds that the journal does not agree with: a party's balance on a
/// claim, or (with no claim) an account's unapplied patient credit.
/// </summary>
public sealed record AgingDifference(string? ClaimId, string? AccountId, ResponsibleParty Party, Money Journal, Money Stored);
