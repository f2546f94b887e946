namespace ArCluster.Abstractions.Practices;

/// <summary>The payer's line of business.</summary>
[GenerateSerializer]
public enum PayerKind
{
    Commercial = 0,
    Medicare = 1,
    Medicaid = 2,
    Tricare = 3,
    WorkersCompensation = 4,
    Other = 5,
}
