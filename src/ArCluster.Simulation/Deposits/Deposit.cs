using ArCluster.Simulation.Catalog;

namespace ArCluster.Simulation.Deposits;

/// <summary>
/// One credit to a practice's deposit account. <see cref="Reference"/> is what reassociation matches
/// on: the EFT trace (TRN02) or check number; a miscellaneous credit has none and is known by the
/// bank's own reference, given when the bank reports it.
/// </summary>
internal sealed record Deposit(int Practice, decimal Amount, DepositKind Kind, string? Reference, PayerProfile? Payer);
