namespace ArCluster.Simulation.Patients;

/// <summary>Who pays for a patient's care.</summary>
internal enum CoverageKind
{
    Commercial,
    Medicare,

    /// <summary>Dual eligible: Medicare primary, Medicaid secondary; Medicare crosses claims over itself.</summary>
    MedicareMedicaid,
    Medicaid,
    SelfPay,
}
