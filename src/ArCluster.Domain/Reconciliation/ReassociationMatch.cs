using System.Collections.Immutable;

namespace ArCluster.Domain.Reconciliation;

/// <summary>Everything under one trace or check number: the 835s announcing it, the deposits carrying it, and whether they agree.</summary>
public sealed record ReassociationMatch(
    string Reference,
    ReassociationStatus Status,
    Money RemittanceAmount,
    Money DepositAmount,
    ImmutableArray<CashItem> Remittances,
    ImmutableArray<CashItem> Deposits)
{
    /// <summary>Deposited less announced.</summary>
    public Money Difference => DepositAmount - RemittanceAmount;
}
