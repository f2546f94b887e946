namespace ArCluster.Simulation.Deposits;

/// <summary>What put money in a practice's account.</summary>
internal enum DepositKind
{
    /// <summary>A payer's EFT for an 835 (ACH CCD+, its TRN in the addenda).</summary>
    PayerEft,

    /// <summary>A payer's paper check for an 835, deposited by the practice.</summary>
    PayerCheck,

    /// <summary>A patient's check: money with no 835.</summary>
    PatientCheck,

    /// <summary>Anything else the bank credits (a vendor refund, a transfer): money with no 835.</summary>
    MiscellaneousCredit,
}
