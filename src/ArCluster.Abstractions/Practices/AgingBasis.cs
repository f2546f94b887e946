namespace ArCluster.Abstractions.Practices;

/// <summary>Which date a practice ages its receivables from.</summary>
[GenerateSerializer]
public enum AgingBasis
{
    DateOfService = 0,
    Submission = 1,
}
