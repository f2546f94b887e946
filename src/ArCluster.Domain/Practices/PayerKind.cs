namespace ArCluster.Domain.Practices;

/// <summary>The payer's line of business; it decides defaults such as appeal windows.</summary>
public enum PayerKind
{
    Commercial = 0,
    Medicare = 1,
    Medicaid = 2,
    Tricare = 3,
    WorkersCompensation = 4,
    Other = 5,
}
