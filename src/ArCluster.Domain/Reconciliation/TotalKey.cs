namespace ArCluster.Domain.Reconciliation;

/// <summary>
/// One line of a practice's reconciliation: a day, a category, the payer ("" for none) and a detail
/// (the CAS group of an adjustment, the receiving party of a transfer; "" otherwise).
/// </summary>
public readonly record struct TotalKey(DateOnly Day, TotalCategory Category, string Payer, string Detail);
