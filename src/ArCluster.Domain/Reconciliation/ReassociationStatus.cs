namespace ArCluster.Domain.Reconciliation;

public enum ReassociationStatus
{
    /// <summary>The money that arrived equals what the 835s under the trace announced (or none was due).</summary>
    Matched,

    /// <summary>Both sides are there and the amounts differ.</summary>
    AmountMismatch,

    /// <summary>An 835 announced money that has not reached the bank.</summary>
    RemittanceWithoutDeposit,

    /// <summary>Money reached the bank with no 835 to explain it: nothing can be posted from it yet.</summary>
    DepositWithoutRemittance,
}
