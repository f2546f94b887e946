namespace ArCluster.Domain.Ledger;

/// <summary>What a ledger entry records. Every kind but <see cref="Transfer"/> changes what is owed.</summary>
public enum EntryKind
{
    /// <summary>A service line's billed amount, owed by the party it is first billed to.</summary>
    Charge,

    /// <summary>Money received from a payer (835 SVC03/CLP04, or a paper EOB).</summary>
    PayerPayment,

    /// <summary>Money received from the patient or guarantor.</summary>
    PatientPayment,

    /// <summary>An amount that will not be collected from the party, with its CAS group and CARC.</summary>
    Adjustment,

    /// <summary>A balance moved from one responsible party to another (primary → secondary → patient).</summary>
    Transfer,

    /// <summary>Money paid back out of a credit balance.</summary>
    Refund,

    /// <summary>A provider-level (PLB) adjustment; recorded against the remittance, not any party's balance.</summary>
    ProviderAdjustment,

    /// <summary>Cancels exactly one earlier entry; history keeps both.</summary>
    Reversal,
}
