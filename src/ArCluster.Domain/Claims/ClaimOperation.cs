namespace ArCluster.Domain.Claims;

/// <summary>The kind of change a claim posting records.</summary>
public enum ClaimOperation
{
    Open,
    PayerPayment,
    PatientPayment,
    Adjustment,
    Transfer,
    WriteOff,
    Refund,
    Reversal,
    StatusChange,
}
