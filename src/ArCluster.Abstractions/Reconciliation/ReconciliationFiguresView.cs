using System.Collections.Immutable;

namespace ArCluster.Abstractions.Reconciliation;

/// <summary>
/// Reconciliation figures over a period. Deposit variance is deposits less what the 835s announced
/// (negative while EFTs are still to arrive); posting variance is 835 money (BPR02 + PLB) not posted
/// to claims (unapplied payments; negative when payments were posted from paper EOBs).
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.ReconciliationFiguresView")]
public sealed record ReconciliationFiguresView(
    [property: Id(0)] decimal Charges,
    [property: Id(1)] decimal PayerPayments,
    [property: Id(2)] decimal PatientPayments,
    [property: Id(3)] decimal Adjustments,
    [property: Id(4)] ImmutableDictionary<string, decimal> AdjustmentsByGroup,
    [property: Id(5)] ImmutableDictionary<string, decimal> TransfersByParty,
    [property: Id(6)] decimal Refunds,
    [property: Id(7)] decimal ProviderAdjustments,
    [property: Id(8)] decimal RemittanceAdvices,
    [property: Id(9)] decimal Deposits,
    [property: Id(10)] decimal DepositVariance,
    [property: Id(11)] decimal PostingVariance);
