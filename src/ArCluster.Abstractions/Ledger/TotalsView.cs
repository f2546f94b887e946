namespace ArCluster.Abstractions.Ledger;

/// <summary>Totals by kind, each net of reversals: charges − payments − adjustments + refunds = balance.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.TotalsView")]
public sealed record TotalsView(
    [property: Id(0)] decimal Charges,
    [property: Id(1)] decimal PayerPayments,
    [property: Id(2)] decimal PatientPayments,
    [property: Id(3)] decimal Adjustments,
    [property: Id(4)] decimal Refunds,
    [property: Id(5)] decimal Balance);
