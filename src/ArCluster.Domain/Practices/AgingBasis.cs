namespace ArCluster.Domain.Practices;

/// <summary>Which date a practice ages its receivables from (a practice setting).</summary>
public enum AgingBasis
{
    DateOfService = 0,
    Submission = 1,
}
