namespace ArCluster.Domain.Ledger;

/// <summary>Who owes a balance: the primary payer, the secondary payer, or the patient (guarantor).</summary>
public enum ResponsibleParty
{
    Primary,
    Secondary,
    Patient,
}
