namespace ArCluster.Domain.Codes;

/// <summary>The CAS claim adjustment group: who bears an adjusted amount.</summary>
public enum AdjustmentGroup
{
    /// <summary>Contractual obligation: written off; the patient may not be billed.</summary>
    CO,

    /// <summary>Patient responsibility (deductible, coinsurance, copay): moves to the patient or the secondary payer.</summary>
    PR,

    /// <summary>Other adjustment, e.g. OA-23 for a prior payer's effect.</summary>
    OA,

    /// <summary>Payer-initiated reduction; not the patient's.</summary>
    PI,
}
