namespace ArCluster.Simulation.Catalog;

/// <summary>How a payer shares the cost of a service with the patient.</summary>
internal enum ProcedureKind
{
    /// <summary>Office visits (E/M): a copay under commercial plans, deductible and 20% under Medicare Part B.</summary>
    Visit,

    /// <summary>Preventive visits, vaccines, their administration and screenings: no cost sharing (ACA §2713, Medicare preventive benefits).</summary>
    Preventive,

    /// <summary>Clinical lab tests and the venipuncture: Medicare Part B pays these at 100% of its lab fee schedule.</summary>
    Laboratory,

    /// <summary>Imaging, procedures, surgery, therapy, drugs and supplies: deductible, then coinsurance.</summary>
    Service,
}
