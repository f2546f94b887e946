namespace ArCluster.Simulation;

/// <summary>
/// What happens to one claim, worked out from the claim alone (not from a run): a test can compare
/// it with what the files say, or with what ArCluster posted.
/// </summary>
/// <param name="ClaimId">CLM01 / CLP01.</param>
/// <param name="Charge">Total charge (CLM02).</param>
/// <param name="PrimaryPayerId">Null for a self-pay claim, which no payer ever sees.</param>
/// <param name="Denied">Denied whole at first adjudication (CLP02 4).</param>
/// <param name="DenialReason">Group and CARC of the denial, e.g. CO-16.</param>
/// <param name="PaymentDate">BPR16 of the primary's first remittance for the claim.</param>
/// <param name="OriginalPaid">What the first adjudication paid (both parts when split).</param>
/// <param name="PrimaryPaid">What the primary payer paid in the end: the correction when it reversed the first payment.</param>
/// <param name="PatientResponsibility">PR of the primary's final adjudication (passed to the secondary on a crossover).</param>
/// <param name="SecondaryPaid">What Medicaid paid as secondary after a crossover.</param>
/// <param name="Late">Paid after the 30-day prompt-payment window (45 to 75 days after service).</param>
/// <param name="Interest">Prompt-payment interest paid on a late payment, or zero (PLB L6 carries it negated: it increases the payment).</param>
/// <param name="PlannedRecoupment">Overpayment the payer means to recover by PLB WO from a later remittance (taken only when one can absorb it).</param>
public sealed record ClaimOutcome(
    string ClaimId,
    int Index,
    DateOnly ServiceDate,
    decimal Charge,
    string? PrimaryPayerId,
    string? SecondaryPayerId,
    bool Denied,
    string? DenialReason,
    DateOnly? PaymentDate,
    decimal OriginalPaid,
    decimal PrimaryPaid,
    decimal PatientResponsibility,
    bool Split,
    bool Reversed,
    bool CrossedOver,
    decimal SecondaryPaid,
    bool LineDenied,
    bool Underpaid,
    bool Late,
    decimal Interest,
    decimal PlannedRecoupment)
{
    public bool SelfPay => PrimaryPayerId is null;
}
