namespace ArCluster.Domain.Ledger;

/// <summary>
/// What a ledger entry records. Charges, payments, adjustments and refunds change what is owed; a
/// transfer moves it between parties; provider adjustments, remittance advices and deposits are the
/// practice's cash and change no party's balance.
/// </summary>
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

    /// <summary>The payment an 835 announces (BPR02) under its trace number (TRN02): the money the payer says it sent.</summary>
    RemittanceAdvice,

    /// <summary>Money that reached the practice's bank (an EFT credit or a deposited check) under its trace or check number.</summary>
    Deposit,
}
