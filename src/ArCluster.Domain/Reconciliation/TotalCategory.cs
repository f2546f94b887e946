namespace ArCluster.Domain.Reconciliation;

/// <summary>What a reconciliation total adds up. Reversals count negatively in the category of the entry they cancel.</summary>
public enum TotalCategory
{
    Charges,
    PayerPayments,
    PatientPayments,

    /// <summary>Write-offs and debit adjustments, by CAS group.</summary>
    Adjustments,

    /// <summary>Balances moved between parties (patient responsibility billed on, secondary crossovers), by the party now owing.</summary>
    Transfers,

    Refunds,

    /// <summary>PLB items: positive reduces the payer's payment (recoupments), negative increases it (interest).</summary>
    ProviderAdjustments,

    /// <summary>What 835s announce as paid (BPR02).</summary>
    RemittanceAdvices,

    Deposits,
}
