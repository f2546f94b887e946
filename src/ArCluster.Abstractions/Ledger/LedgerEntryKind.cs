namespace ArCluster.Abstractions.Ledger;

/// <summary>What a ledger entry records.</summary>
[GenerateSerializer]
public enum LedgerEntryKind
{
    Charge = 0,
    PayerPayment = 1,
    PatientPayment = 2,
    Adjustment = 3,
    Transfer = 4,
    Refund = 5,
    ProviderAdjustment = 6,
    Reversal = 7,
    RemittanceAdvice = 8,
    Deposit = 9,
}
