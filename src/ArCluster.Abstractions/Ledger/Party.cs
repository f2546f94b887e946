namespace ArCluster.Abstractions.Ledger;

/// <summary>Who owes a balance.</summary>
[GenerateSerializer]
public enum Party
{
    Primary = 0,
    Secondary = 1,
    Patient = 2,
}
